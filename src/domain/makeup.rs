//! Make-up shots (补拍): an online upload's review, and where a student's
//! make-up stands as a whole.
use super::campaign::text_enum;

text_enum! {
    /// An online make-up upload.
    PhotoStatus {
        /// Waiting for the unit secretary (or the Graduate School).
        Pending = "pending" / "待审核",
        Approved = "approved" / "已通过",
        Rejected = "rejected" / "未通过",
        /// Taken back by the student before review.
        Withdrawn = "withdrawn" / "已撤回",
    }
}

text_enum! {
    /// How the mini-program got the photo, shown to reviewers.
    PhotoSource {
        Camera = "camera" / "拍摄",
        Album = "album" / "相册",
    }
}

text_enum! {
    /// Why a reviewer turned an upload down (a fixed list students can act on).
    RejectReason {
        Background = "background" / "背景不符合要求",
        HeadPosition = "head_position" / "头部位置或大小不符合要求",
        FaceCoveredOrGlare = "face_covered_or_glare" / "面部有遮挡或反光",
        Blurred = "blurred" / "照片模糊",
        Lighting = "lighting" / "光线不合适",
        NotTheStudent = "not_the_student" / "不是本人",
        /// Needs a comment.
        Other = "other" / "其他",
    }
}

text_enum! {
    /// A student's make-up as a whole (stored on the roster entry).
    MakeupState {
        /// An online upload waits for review.
        PendingReview = "pending_review" / "待审核",
        /// The last upload was rejected: upload again.
        Rejected = "rejected" / "审核未通过",
        /// An online upload was approved: photographed.
        Approved = "approved" / "线上补拍已通过",
        /// Shot at the collection centre; the paper photo has not reached the unit.
        AwaitingPaperPhoto = "awaiting_paper_photo" / "待交纸质相片",
        /// Foreign student: paper photo received, e-photo not yet at the international office.
        AwaitingEPhoto = "awaiting_e_photo" / "待交电子相片",
        /// Shot at the collection centre and everything handed in: photographed.
        OfflineComplete = "offline_complete" / "线下补拍已完成",
    }
}

impl MakeupState {
    /// After an offline shot: what is still missing.
    pub fn offline(paper_received: bool, e_photo_needed_and_missing: bool) -> Self {
        match (paper_received, e_photo_needed_and_missing) {
            (false, _) => Self::AwaitingPaperPhoto,
            (true, true) => Self::AwaitingEPhoto,
            (true, false) => Self::OfflineComplete,
        }
    }
}
