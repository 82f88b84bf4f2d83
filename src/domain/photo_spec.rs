//! The CHSI diploma-photo specification (学历照片规格) as numbers. The
//! automatic checks, the normalised derivative and the mini-program's camera
//! guide (`GET /makeup/spec`) all read these, so they cannot disagree.

/// Frame of the derivative sent to CHSI, in pixels (portrait).
pub const FRAME_WIDTH: u32 = 480;
pub const FRAME_HEIGHT: u32 = 640;
/// Written into the JFIF header of the derivative.
pub const DPI: u16 = 300;

/// Distance of the hairline from the top of the frame, in frame pixels.
pub const HAIRLINE_BAND: (u32, u32) = (50, 110);
/// Height of the eyes from the top of the frame.
pub const EYES_BAND: (u32, u32) = (200, 300);
/// Width of the face.
pub const FACE_WIDTH_BAND: (u32, u32) = (180, 300);
// Where the derivative puts the face follows from these three bands
// (`service::photo_check::Placement`): nothing else says where it goes.

/// Reference background colour (light blue), RGB.
pub const BACKGROUND_RGB: [u8; 3] = [100, 197, 255];

/// Size window of the normalised JPEG: aimed at, and never exceeded.
pub const TARGET_BYTES: (usize, usize) = (20 * 1024, 40 * 1024);
pub const MAX_BYTES: usize = 100 * 1024;

/// Reviewer thumbnail.
pub const THUMB_WIDTH: u32 = 120;
pub const THUMB_HEIGHT: u32 = 160;

/// Shown with the camera guide (from the notice's dress rules).
pub const ADVICE: &[&str] = &[
    "背景为浅蓝色，光线均匀，不要逆光 (light-blue background, even light, no backlight)",
    "正对镜头，露出双耳和眉毛，不戴帽子和有色眼镜 (face the camera, ears and eyebrows visible, no hat or tinted glasses)",
    "请勿穿天蓝色或黄绿色上衣 (no sky-blue or yellow-green top)",
    "淡妆为宜，浓妆或整容可能导致学信网身份核验不通过 (light make-up only: heavy make-up can fail CHSI identity checks)",
];
