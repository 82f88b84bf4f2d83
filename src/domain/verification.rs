//! CHSI verification (学信网核对): the photo's status on CHSI, the student's
//! self-check and error reports.
use super::campaign::text_enum;

text_enum! {
    /// Where the student's photo stands on CHSI, as the last imported list says.
    ChsiStatus {
        /// Not on any imported list yet.
        NotUploaded = "not_uploaded" / "未上传",
        /// On CHSI, identity verification pending.
        Uploaded = "uploaded" / "已上传",
        /// Verified against the admission photo and the population database.
        Passed = "passed" / "核验通过",
        Failed = "failed" / "核验未通过",
        Inconclusive = "inconclusive" / "无法确定",
    }
}

impl ChsiStatus {
    /// The photo is on CHSI, so the student can check it.
    pub fn on_chsi(self) -> bool {
        self != Self::NotUploaded
    }

    /// Read from a roster entry (`None` there means not uploaded).
    pub fn of(stored: Option<&str>) -> Self {
        stored.and_then(Self::parse).unwrap_or(Self::NotUploaded)
    }
}

text_enum! {
    /// The only reasons a student may report their CHSI photo as wrong.
    /// Disliking how one looks is not among them.
    ErrorReason {
        PhotoMissing = "photo_missing" / "学信网上没有照片",
        NotMe = "not_me" / "照片不是本人",
        WrongIdentityData = "wrong_identity_data" / "姓名、证件号等身份信息有误",
        VerificationFailed = "verification_failed" / "身份核验未通过或无法确定",
        /// Needs a detail.
        Other = "other" / "其他确属错误的情况",
    }
}

text_enum! {
    /// An error report's way from the student to the Graduate School.
    ReportStatus {
        /// With the unit secretary.
        Open = "open" / "待单位报送",
        /// In a batch at the Graduate School.
        Forwarded = "forwarded" / "已报研究生院",
        Resolved = "resolved" / "已处理",
    }
}

text_enum! {
    /// How the Graduate School settled a report.
    Resolution {
        /// The photo must be taken again: make-up opens for the student.
        ReshootNeeded = "reshoot_needed" / "需要重新拍摄",
        DataCorrected = "data_corrected" / "身份信息已更正",
        ChsiReverified = "chsi_reverified" / "学信网已重新核验",
        NotAnError = "not_an_error" / "不属于错误",
    }
}
