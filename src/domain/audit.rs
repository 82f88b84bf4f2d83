//! What the audit log records.
use super::campaign::text_enum;

text_enum! {
    /// An audited action: reads of photos and personal records by staff,
    /// decisions, imports, exports, binding and staff-account changes.
    AuditAction {
        /// A staff member looked at a student's photo.
        PhotoViewed = "photo_viewed" / "查看照片",
        /// A staff member read one student's record or a list of students.
        RecordViewed = "record_viewed" / "查看学生信息",
        /// A make-up upload was approved or rejected.
        ReviewDecided = "review_decided" / "审核照片",
        /// A paper photo or e-photo was recorded as received.
        HandInRecorded = "hand_in_recorded" / "登记收到照片",
        /// A roster, CHSI status or graduate-platform list was imported.
        ListImported = "list_imported" / "导入名单",
        /// Data was exported (CSV, XLSX, ZIP).
        DataExported = "data_exported" / "导出数据",
        /// A student bound to or was unbound from a roster entry.
        BindingChanged = "binding_changed" / "绑定变更",
        /// A collection code was saved by its student or set or cleared by
        /// staff (the code itself is never logged).
        CollectionCodeChanged = "collection_code_changed" / "图像采集码变更",
        /// A staff account was created, changed or disabled.
        StaffAccountChanged = "staff_account_changed" / "员工账号变更",
        /// On-site staff moved a student's booking for another session
        /// into the session they run.
        BookingMovedOnSite = "booking_moved_on_site" / "现场改约",
        /// A check-in, "photographed" or paper-photo receipt was taken
        /// back within its two minutes.
        Undone = "undone" / "撤销操作",
        /// Error reports were forwarded or resolved.
        ErrorReportHandled = "error_report_handled" / "处理错误报告",
        /// A student withdrew their photo-processing consent.
        ConsentWithdrawn = "consent_withdrawn" / "撤回同意",
        /// A staff login failed (wrong password, unknown username) or hit
        /// its attempt limit; the detail names the username tried.
        StaffLoginFailed = "staff_login_failed" / "员工登录失败",
        /// The retention job deleted photos or personal data.
        RetentionRun = "retention_run" / "数据保留清理",
    }
}

#[cfg(test)]
mod tests {
    use super::AuditAction;

    /// The console names every action as the server does (its audit log
    /// filter and rows read them from `console/js/labels.js`).
    #[test]
    fn the_console_knows_every_action_by_its_chinese_name() {
        let labels = include_str!("../../console/js/labels.js");
        for action in AuditAction::ALL {
            let line = format!("  {}: '{}',", action.as_str(), action.label_zh());
            assert!(
                labels.contains(&line),
                "console/js/labels.js lacks `{line}`"
            );
        }
    }
}
