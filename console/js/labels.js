// Chinese (and short English) labels for the API's stable codes.

export const ROLES = {
  admin: '研究生院管理员 (admin)',
  unit_secretary: '培养单位秘书 (unit secretary)',
  onsite: '现场采集 (on-site)',
  intl_office: '留学生办公室 (intl office)',
};

export const CATEGORIES = {
  domestic: '境内',
  hk_macao_taiwan: '港澳台',
  foreign: '外国',
};

export const NEXT_ACTIONS = {
  wait_for_campaign: '等待采集开始',
  bind_roster: '未绑定名单',
  save_collection_code: '未保存采集码',
  book_session: '待预约',
  attend_session: '已预约待拍摄',
  wait_for_chsi_upload: '已拍摄，待上传学信网',
  upload_to_graduate_platform: '待上传研究生系统',
  wait_for_makeup_review: '补拍待审核',
  reupload_makeup: '补拍被退回',
  hand_in_paper_photo: '待交纸质相片',
  send_e_photo: '待交电子相片',
  retake_photo: '需重新拍摄',
  self_check_photo: '待核对学信网照片',
  wait_for_error_report: '错误报告处理中',
  wait_for_chsi_verification: '待学信网核验',
  done: '已完成',
};

/** Reject reasons in the order of the keyboard shortcuts 1–7. */
export const REJECT_REASONS = [
  ['background', '背景不符合要求'],
  ['head_position', '头部位置或大小不符合要求'],
  ['face_covered_or_glare', '面部有遮挡或反光'],
  ['blurred', '照片模糊'],
  ['lighting', '光线不合适'],
  ['not_the_student', '不是本人'],
  ['other', '其他（须填写说明）'],
];

export const PHOTO_STATUS = {
  pending: '待审核',
  approved: '已通过',
  rejected: '未通过',
  withdrawn: '已撤回',
};

export const PHOTO_SOURCE = { camera: '拍摄', album: '相册' };

export const MAKEUP_STATE = {
  pending_review: '待审核',
  rejected: '审核未通过',
  approved: '线上补拍已通过',
  awaiting_paper_photo: '待交纸质相片',
  awaiting_e_photo: '待交电子相片',
  offline_complete: '线下补拍已完成',
};

export const CHSI_STATUS = {
  not_uploaded: '未上传',
  uploaded: '已上传',
  passed: '核验通过',
  failed: '核验未通过',
  inconclusive: '无法确定',
};

export const REPORT_STATUS = {
  open: '待单位报送',
  forwarded: '已报研究生院',
  resolved: '已处理',
};

export const RESOLUTIONS = {
  reshoot_needed: '需要重新拍摄',
  data_corrected: '身份信息已更正',
  chsi_reverified: '学信网已重新核验',
  not_an_error: '不属于错误',
};

export const BOOKING_STATUS = {
  booked: '已预约',
  cancelled: '已取消',
  checked_in: '已签到',
  photographed: '已拍摄',
  no_show: '未到场',
};

export const CAMPAIGN_STATUS = { draft: '草稿', open: '进行中', closed: '已结束' };

export const HALVES = { first: '上半年', second: '下半年' };

/** Progress counts, in display order. */
export const COUNTS = [
  ['roster', '名单人数'],
  ['already_on_chsi', '学信网已有照片'],
  ['bound', '已绑定'],
  ['code_needed', '需采集码'],
  ['code_saved', '已存采集码'],
  ['booked', '已预约'],
  ['photographed', '已拍摄'],
  ['no_show', '缺席'],
  ['makeup_pending_review', '补拍待审核'],
  ['makeup_rejected', '补拍被退回'],
  ['makeup_approved', '线上补拍通过'],
  ['offline_awaiting_paper', '待交纸质相片'],
  ['offline_awaiting_e_photo', '待交电子相片'],
  ['offline_complete', '线下补拍完成'],
  ['chsi_not_uploaded', '学信网未上传'],
  ['chsi_uploaded', '学信网已上传'],
  ['chsi_passed', '核验通过'],
  ['chsi_failed', '核验未通过'],
  ['chsi_inconclusive', '无法确定'],
  ['self_checked', '已核对'],
  ['open_error_reports', '未处理错误报告'],
  ['graduate_platform', '已上传研究生系统'],
];

export function label(map, code) {
  if (code === undefined || code === null) return '—';
  return map[code] || code;
}

/** Audit log actions (the server's `AuditAction`), in Chinese. */
export const AUDIT_ACTIONS = {
  photo_viewed: '查看照片',
  record_viewed: '查看学生信息',
  review_decided: '审核照片',
  hand_in_recorded: '登记收到照片',
  list_imported: '导入名单',
  data_exported: '导出数据',
  binding_changed: '绑定变更',
  collection_code_changed: '图像采集码变更',
  staff_account_changed: '员工账号变更',
  booking_moved_on_site: '现场改约',
  undone: '撤销操作',
  error_report_handled: '处理错误报告',
  consent_withdrawn: '撤回同意',
  staff_login_failed: '员工登录失败',
  retention_run: '数据保留清理',
};
