//! Automatic checks of a make-up photo against the CHSI spec, and the
//! normalised derivative. Pure CPU work on bytes: callers run it on a
//! blocking thread.
//!
//! Decoding is bounded (pixel count and allocation) before any pixel is
//! read, so a decompression bomb costs a header parse. Faces are found with
//! SeetaFace (through `rustface`), whose model is compiled into the binary.

use std::{
    io::{BufRead, Cursor, Read, Seek, SeekFrom},
    sync::LazyLock,
};

use image::{
    DynamicImage, GenericImageView, GrayImage, ImageDecoder, ImageFormat, ImageReader, Limits, Rgb,
    RgbImage, RgbaImage,
    codecs::jpeg::{JpegEncoder, PixelDensity},
    imageops::{self, FilterType},
};
use serde::{Deserialize, Serialize};

use crate::domain::photo_spec::{
    BACKGROUND_RGB, DPI, EYES_BAND, FACE_WIDTH_BAND, FRAME_HEIGHT, FRAME_WIDTH, HAIRLINE_BAND,
    MAX_BYTES, TARGET_BYTES, THUMB_HEIGHT, THUMB_WIDTH,
};

/// Larger than any phone camera's default output (a 12 MP photo is 4000×3000).
pub const MAX_PIXELS: u64 = 30_000_000;
const MAX_ALLOC: u64 = 512 * 1024 * 1024;
/// Below this the photo cannot give a usable 480×640 crop even upscaled twice.
const MIN_SOURCE_SCALE: f32 = 0.5;
/// From this scale up the crop is sharp enough (a 10 % upscale is invisible).
const GOOD_SOURCE_SCALE: f32 = 0.9;
/// Faces are searched on a copy of at most this many pixels on its long side.
const DETECT_LONG_SIDE: u32 = 800;
/// The SeetaFace box spans brow to chin; the eyes sit this far down it
/// (in box heights).
const EYES_IN_BOX: f32 = 0.36;
/// The spec's "hairline" (头顶发际) is the top of the head, which the
/// detector does not find: it is estimated this far above the top of the
/// box, in box heights. The box starts on the forehead; the rest of the
/// forehead and the hair above it take about half a box height again.
const HAIRLINE_ABOVE_BOX: f32 = 0.5;

static FACE_MODEL: LazyLock<rustface::Model> = LazyLock::new(|| {
    rustface::read_model(Cursor::new(include_bytes!(
        "../../assets/seeta_fd_frontal_v1.0.bin"
    )))
    .expect("the bundled SeetaFace model parses")
});

/// Why a file could not be analysed at all.
#[derive(Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// Neither JPEG nor PNG.
    UnsupportedFormat,
    /// Announces more pixels than allowed (e.g. a decompression bomb).
    TooLarge,
    /// Corrupt, truncated or empty.
    NotAnImage,
}

/// Whether a failed check blocks the upload or only warns the reviewer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
}

/// One check's outcome, with a message a student understands.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Check {
    pub check: String,
    pub passed: bool,
    pub severity: Severity,
    pub message: String,
}

fn check(name: &str, passed: bool, severity: Severity, message: &str) -> Check {
    Check {
        check: name.to_owned(),
        passed,
        severity,
        message: message.to_owned(),
    }
}

/// A face found in the (orientated) source image, in source pixels.
#[derive(Clone, Copy, Debug)]
pub struct FaceBox {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

impl FaceBox {
    /// Estimated height of the eyes.
    pub fn eyes_y(&self) -> f32 {
        self.y + EYES_IN_BOX * self.height
    }

    /// Estimated height of the hairline (the top of the head).
    pub fn hairline_y(&self) -> f32 {
        self.y - HAIRLINE_ABOVE_BOX * self.height
    }
}

fn middle((min, max): (u32, u32)) -> f32 {
    (min + max) as f32 / 2.0
}

/// Where the normalised photo puts a face, in frame pixels, derived from
/// the spec's bands (the numbers `GET /makeup/spec` serves): the face as
/// wide as the middle of `FACE_WIDTH_BAND`, and the eyes at the middle of
/// the heights that keep both the eyes within `EYES_BAND` and the
/// estimated hairline within `HAIRLINE_BAND`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placement {
    pub face_width: f32,
    pub eyes_y: f32,
}

impl Placement {
    /// For a face box of this height-to-width ratio.
    pub fn for_aspect(aspect: f32) -> Self {
        let face_width = middle(FACE_WIDTH_BAND);
        let eyes_below_hairline = (EYES_IN_BOX + HAIRLINE_ABOVE_BOX) * aspect * face_width;
        let low = (EYES_BAND.0 as f32).max(HAIRLINE_BAND.0 as f32 + eyes_below_hairline);
        let high = (EYES_BAND.1 as f32).min(HAIRLINE_BAND.1 as f32 + eyes_below_hairline);
        let eyes_y = if low <= high {
            (low + high) / 2.0
        } else {
            // An unusually tall box: the eyes' band wins.
            middle(EYES_BAND)
        };
        Self { face_width, eyes_y }
    }
}

/// The spec frame laid over the source image: `scale` source pixels per frame pixel.
#[derive(Clone, Copy, Debug)]
struct Crop {
    left: f32,
    top: f32,
    scale: f32,
}

impl Crop {
    fn around(face: FaceBox) -> Self {
        let target = Placement::for_aspect(face.height / face.width);
        let scale = face.width / target.face_width;
        Crop {
            left: face.x + face.width / 2.0 - FRAME_WIDTH as f32 / 2.0 * scale,
            top: face.eyes_y() - target.eyes_y * scale,
            scale,
        }
    }

    /// Source pixel under a frame pixel.
    fn source(&self, fx: f32, fy: f32) -> (f32, f32) {
        (self.left + fx * self.scale, self.top + fy * self.scale)
    }
}

/// The result of analysing one photo.
pub struct Analysis {
    pub checks: Vec<Check>,
    /// `jpeg` or `png`, as uploaded.
    pub format: &'static str,
    pub width: u32,
    pub height: u32,
    pub face: Option<FaceBox>,
    image: RgbImage,
    crop: Option<Crop>,
}

impl Analysis {
    /// No check with severity `error` failed: the photo may be stored.
    pub fn acceptable(&self) -> bool {
        self.checks
            .iter()
            .all(|c| c.passed || c.severity == Severity::Warning)
    }
}

/// Decodes a JPEG or PNG within the limits, applies the EXIF orientation and
/// flattens transparency onto the reference background.
/// Also names the format: `jpeg` or `png`.
pub fn decode<R: BufRead + Seek>(input: R) -> Result<(RgbImage, &'static str), Unreadable> {
    let mut input = input;
    let mut head = Vec::with_capacity(16);
    (&mut input)
        .take(16)
        .read_to_end(&mut head)
        .and_then(|_| input.rewind())
        .map_err(|_| Unreadable::NotAnImage)?;
    let (format, name) = match image::guess_format(&head) {
        Ok(ImageFormat::Jpeg) => (ImageFormat::Jpeg, "jpeg"),
        Ok(ImageFormat::Png) => (ImageFormat::Png, "png"),
        _ => return Err(Unreadable::UnsupportedFormat),
    };
    // Decoders fill in what is missing from a cut-off file; an upload that
    // lost its end must not pass as a photo.
    if !ends_complete(&mut input, name) {
        return Err(Unreadable::NotAnImage);
    }
    let mut reader = ImageReader::with_format(input, format);
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(classify)?;
    let (w, h) = decoder.dimensions();
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(Unreadable::TooLarge);
    }
    let orientation = decoder.orientation().ok();
    let mut image = DynamicImage::from_decoder(decoder).map_err(classify)?;
    if let Some(orientation) = orientation {
        image.apply_orientation(orientation);
    }
    let rgb = if image.color().has_alpha() {
        flatten(&image.into_rgba8())
    } else {
        image.into_rgb8()
    };
    Ok((rgb, name))
}

/// A JPEG ends with its EOI marker and a PNG with its IEND chunk (phones
/// may pad a few bytes after either).
fn ends_complete<R: BufRead + Seek>(input: &mut R, format: &str) -> bool {
    const TAIL: i64 = 64;
    let mut tail = Vec::new();
    let read = (|| {
        let start = input.stream_position()?;
        let len = input.seek(SeekFrom::End(0))?;
        input.seek(SeekFrom::Start(len.saturating_sub(TAIL as u64)))?;
        input.read_to_end(&mut tail)?;
        input.seek(SeekFrom::Start(start))
    })();
    let marker: &[u8] = if format == "png" {
        b"IEND"
    } else {
        &[0xFF, 0xD9]
    };
    read.is_ok() && tail.windows(marker.len()).any(|w| w == marker)
}

fn classify(err: image::ImageError) -> Unreadable {
    match err {
        image::ImageError::Limits(_) => Unreadable::TooLarge,
        _ => Unreadable::NotAnImage,
    }
}

fn flatten(rgba: &RgbaImage) -> RgbImage {
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let p = rgba.get_pixel(x, y).0;
        let a = u32::from(p[3]);
        Rgb(std::array::from_fn(|i| {
            ((u32::from(p[i]) * a + u32::from(BACKGROUND_RGB[i]) * (255 - a)) / 255) as u8
        }))
    })
}

/// Runs every check on a decoded photo.
pub fn analyse(image: RgbImage, format: &'static str) -> Analysis {
    let (width, height) = image.dimensions();
    let gray = imageops::grayscale(&image);
    let faces = detect_faces(&gray);
    let mut checks = Vec::new();
    let face = match faces.as_slice() {
        [one] => {
            checks.push(check(
                "one_face",
                true,
                Severity::Error,
                "检测到一张人脸 (one face found)",
            ));
            Some(*one)
        }
        [] => {
            checks.push(check(
                "one_face",
                false,
                Severity::Error,
                "未检测到人脸：请正对镜头，露出整张脸，光线充足 \
                 (no face found: face the camera with your whole face visible, in good light)",
            ));
            None
        }
        _ => {
            checks.push(check(
                "one_face",
                false,
                Severity::Error,
                "检测到多张人脸：照片中只能有你一个人 \
                 (several faces found: only you may be in the photo)",
            ));
            None
        }
    };
    let crop = face.map(Crop::around);
    checks.push(resolution_check(width, height, crop));
    if let (Some(face), Some(crop)) = (face, crop) {
        checks.push(position_check(width, height, crop));
        checks.push(background_check(&image, crop));
        checks.push(clothing_check(&image, crop));
        checks.push(exposure_check(&gray, face));
        checks.push(sharpness_check(&gray, face));
    }
    checks.push(colour_check(&image));
    Analysis {
        checks,
        format,
        width,
        height,
        face,
        image,
        crop,
    }
}

fn detect_faces(gray: &GrayImage) -> Vec<FaceBox> {
    let (w, h) = gray.dimensions();
    let factor = (DETECT_LONG_SIDE as f32 / w.max(h) as f32).min(1.0);
    let resized;
    let small: &GrayImage = if factor < 1.0 {
        resized = imageops::resize(
            gray,
            ((w as f32 * factor).round() as u32).max(1),
            ((h as f32 * factor).round() as u32).max(1),
            FilterType::Triangle,
        );
        &resized
    } else {
        gray
    };
    if small.width() < 24 || small.height() < 24 {
        return Vec::new();
    }
    let mut detector = rustface::create_detector_with_model(FACE_MODEL.clone());
    // A usable portrait's face spans far more than an eighth of the frame;
    // not searching for smaller ones saves most of the detector's work.
    detector.set_min_face_size((small.width().min(small.height()) / 8).max(24));
    detector.set_score_thresh(2.0);
    detector.set_pyramid_scale_factor(0.8);
    detector.set_slide_window_step(4, 4);
    let found = detector.detect(&rustface::ImageData::new(
        small.as_raw(),
        small.width(),
        small.height(),
    ));
    // A detection far weaker or much smaller than the main face is a
    // pattern on clothing or a poster, not a second person in the shot.
    let best = found.iter().map(|f| f.score()).fold(0.0, f64::max);
    let largest = found.iter().map(|f| f.bbox().width()).max().unwrap_or(0);
    found
        .iter()
        .filter(|f| f.score() * 4.0 >= best && f.bbox().width() * 3 >= largest)
        .map(|f| {
            let b = f.bbox();
            FaceBox {
                x: b.x() as f32 / factor,
                y: b.y() as f32 / factor,
                width: b.width() as f32 / factor,
                height: b.height() as f32 / factor,
            }
        })
        .collect()
}

fn resolution_check(width: u32, height: u32, crop: Option<Crop>) -> Check {
    // Without a face, judge the whole image; with one, the region the crop uses.
    let scale = crop.map_or_else(
        || (width as f32 / FRAME_WIDTH as f32).min(height as f32 / FRAME_HEIGHT as f32),
        |c| c.scale,
    );
    if scale >= GOOD_SOURCE_SCALE {
        check(
            "resolution",
            true,
            Severity::Warning,
            "分辨率足够 (resolution is high enough)",
        )
    } else if scale >= MIN_SOURCE_SCALE {
        check(
            "resolution",
            false,
            Severity::Warning,
            "分辨率偏低，照片可能不够清晰：请靠近一些或使用后置摄像头 \
             (low resolution: come a little closer or use the rear camera)",
        )
    } else {
        check(
            "resolution",
            false,
            Severity::Error,
            "照片太小，无法生成 480×640 的学历照片：请靠近镜头重拍 \
             (far too small for a 480×640 photo: retake it closer to the camera)",
        )
    }
}

/// How far the spec frame reaches outside the photo, as a share of the frame.
fn position_check(width: u32, height: u32, crop: Crop) -> Check {
    let (left, top) = crop.source(0.0, 0.0);
    let (right, bottom) = crop.source(FRAME_WIDTH as f32, FRAME_HEIGHT as f32);
    let frame_w = right - left;
    let frame_h = bottom - top;
    let out_left = (-left).max(0.0) / frame_w;
    let out_right = (right - width as f32).max(0.0) / frame_w;
    let out_top = (-top).max(0.0) / frame_h;
    let out_bottom = (bottom - height as f32).max(0.0) / frame_h;
    const SLACK: f32 = 0.08;
    let message = if out_left.max(out_right) > SLACK && out_top.max(out_bottom) > SLACK {
        "离镜头太近：请后退一些，使头顶上方和肩膀都在画面内 \
         (too close: step back so the space above your head and your shoulders are in the frame)"
    } else if out_left.max(out_right) > SLACK {
        "人像没有居中：请站在画面正中 (not centred: stand in the middle of the frame)"
    } else if out_top > SLACK {
        "头顶上方留白不足：请把镜头稍微抬高 (too little space above your head: raise the camera a little)"
    } else if out_bottom > SLACK {
        "肩膀没有拍全：请把镜头稍微放低或后退一些 \
         (shoulders cut off: lower the camera a little or step back)"
    } else {
        return check(
            "face_position",
            true,
            Severity::Warning,
            "头部大小和位置可以裁剪成标准照片 (head size and position fit the spec frame)",
        );
    };
    check("face_position", false, Severity::Warning, message)
}

/// Mean and standard deviation per channel of the source pixels under the
/// given frame rectangles (parts outside the photo are skipped).
fn region_stats(
    image: &RgbImage,
    crop: Crop,
    rects: &[(f32, f32, f32, f32)],
) -> Option<([f32; 3], [f32; 3])> {
    let (w, h) = image.dimensions();
    let mut n = 0f64;
    let mut sum = [0f64; 3];
    let mut sq = [0f64; 3];
    let step = (crop.scale.max(1.0) * 2.0).round() as usize;
    for &(fx0, fy0, fx1, fy1) in rects {
        let (x0, y0) = crop.source(fx0, fy0);
        let (x1, y1) = crop.source(fx1, fy1);
        let xs = x0.max(0.0) as u32..(x1.min(w as f32)).max(0.0) as u32;
        let ys = y0.max(0.0) as u32..(y1.min(h as f32)).max(0.0) as u32;
        for y in ys.step_by(step) {
            for x in xs.clone().step_by(step) {
                let p = image.get_pixel(x, y).0;
                for c in 0..3 {
                    let v = f64::from(p[c]);
                    sum[c] += v;
                    sq[c] += v * v;
                }
                n += 1.0;
            }
        }
    }
    if n < 16.0 {
        return None;
    }
    let mean = sum.map(|s| s / n);
    let std: [f64; 3] = std::array::from_fn(|c| (sq[c] / n - mean[c] * mean[c]).max(0.0).sqrt());
    Some((mean.map(|v| v as f32), std.map(|v| v as f32)))
}

fn distance(a: [f32; 3], b: [u8; 3]) -> f32 {
    (0..3)
        .map(|c| (a[c] - f32::from(b[c])).powi(2))
        .sum::<f32>()
        .sqrt()
}

fn background_check(image: &RgbImage, crop: Crop) -> Check {
    // Above the head and beside it, where only background should be.
    let regions = [
        (0.0, 0.0, 480.0, 36.0),
        (0.0, 0.0, 40.0, 330.0),
        (440.0, 0.0, 480.0, 330.0),
    ];
    let Some((mean, std)) = region_stats(image, crop, &regions) else {
        return check(
            "background",
            false,
            Severity::Warning,
            "看不到背景：请后退一些，让头部周围露出背景 \
             (background not visible: step back so it shows around your head)",
        );
    };
    let blue = distance(mean, BACKGROUND_RGB) < 100.0 && mean[2] > mean[0] + 40.0;
    let even = std.iter().all(|s| *s < 28.0);
    let message = match (blue, even) {
        (true, true) => {
            return check(
                "background",
                true,
                Severity::Warning,
                "背景为均匀的浅蓝色 (even light-blue background)",
            );
        }
        (false, _) => {
            "背景应为浅蓝色（参考 RGB 100,197,255）：请站在浅蓝色背景前拍摄 \
             (the background must be light blue: stand in front of a light-blue wall or cloth)"
        }
        (true, false) => {
            "背景不均匀：请避开阴影、图案和杂物 \
             (uneven background: avoid shadows, patterns and objects behind you)"
        }
    };
    check("background", false, Severity::Warning, message)
}

/// Hue in degrees and saturation (0–1) of a mean colour.
fn hue_saturation(c: [f32; 3]) -> (f32, f32) {
    let max = c[0].max(c[1]).max(c[2]);
    let min = c[0].min(c[1]).min(c[2]);
    let delta = max - min;
    if delta < 1.0 || max <= 0.0 {
        return (0.0, 0.0);
    }
    let hue = if max == c[0] {
        60.0 * ((c[1] - c[2]) / delta).rem_euclid(6.0)
    } else if max == c[1] {
        60.0 * ((c[2] - c[0]) / delta + 2.0)
    } else {
        60.0 * ((c[0] - c[1]) / delta + 4.0)
    };
    (hue, delta / max)
}

fn clothing_check(image: &RgbImage, crop: Crop) -> Check {
    let Some((mean, _)) = region_stats(image, crop, &[(120.0, 590.0, 360.0, 640.0)]) else {
        return check(
            "clothing",
            true,
            Severity::Warning,
            "上衣颜色无法判断 (top colour not visible)",
        );
    };
    let (hue, saturation) = hue_saturation(mean);
    if distance(mean, BACKGROUND_RGB) < 60.0 {
        check(
            "clothing",
            false,
            Severity::Warning,
            "上衣颜色与背景相近，请勿穿天蓝色上衣 \
             (your top is close to the background colour: do not wear sky blue)",
        )
    } else if (55.0..=100.0).contains(&hue) && saturation > 0.35 {
        check(
            "clothing",
            false,
            Severity::Warning,
            "请勿穿黄绿色上衣 (do not wear a yellow-green top)",
        )
    } else {
        check(
            "clothing",
            true,
            Severity::Warning,
            "上衣颜色合适 (top colour is fine)",
        )
    }
}

/// The face box clamped to the photo, as an integer rectangle.
fn face_rect(gray: &GrayImage, face: FaceBox) -> (u32, u32, u32, u32) {
    let x = face.x.max(0.0) as u32;
    let y = face.y.max(0.0) as u32;
    let w = (face.width as u32)
        .min(gray.width().saturating_sub(x))
        .max(1);
    let h = (face.height as u32)
        .min(gray.height().saturating_sub(y))
        .max(1);
    (x, y, w, h)
}

fn exposure_check(gray: &GrayImage, face: FaceBox) -> Check {
    let (x, y, w, h) = face_rect(gray, face);
    let view = gray.view(x, y, w, h);
    let n = f64::from(w * h);
    let (sum, clipped) = view.pixels().fold((0f64, 0f64), |(s, c), (_, _, p)| {
        (
            s + f64::from(p.0[0]),
            c + f64::from(u8::from(p.0[0] >= 250)),
        )
    });
    let mean = sum / n;
    let message = if mean < 70.0 {
        "脸部太暗：请面向光源或打开室内灯光 (face too dark: face the light)"
    } else if mean > 215.0 || clipped / n > 0.08 {
        "脸部过亮或有反光：请避开强光直射和闪光灯 \
         (face too bright or glare: avoid direct strong light and flash)"
    } else {
        return check(
            "exposure",
            true,
            Severity::Warning,
            "曝光正常 (exposure is fine)",
        );
    };
    check("exposure", false, Severity::Warning, message)
}

/// Variance of the Laplacian of the face, resampled to its size in the frame
/// so that the figure does not depend on the camera's resolution.
fn sharpness_check(gray: &GrayImage, face: FaceBox) -> Check {
    let (x, y, w, h) = face_rect(gray, face);
    let target_w = SHARPNESS_FACE_WIDTH;
    let target_h = (h * SHARPNESS_FACE_WIDTH / w).max(3);
    let face = imageops::resize(
        &gray.view(x, y, w, h).to_image(),
        target_w,
        target_h,
        FilterType::Triangle,
    );
    let (mut n, mut sum, mut sq) = (0f64, 0f64, 0f64);
    for y in 1..face.height() - 1 {
        for x in 1..face.width() - 1 {
            let p = |dx: i32, dy: i32| {
                f64::from(
                    face.get_pixel((x as i32 + dx) as u32, (y as i32 + dy) as u32)
                        .0[0],
                )
            };
            let lap = p(-1, 0) + p(1, 0) + p(0, -1) + p(0, 1) - 4.0 * p(0, 0);
            n += 1.0;
            sum += lap;
            sq += lap * lap;
        }
    }
    let variance = sq / n - (sum / n).powi(2);
    if variance >= SHARPNESS_MIN {
        check(
            "sharpness",
            true,
            Severity::Warning,
            "照片清晰 (sharp enough)",
        )
    } else {
        check(
            "sharpness",
            false,
            Severity::Warning,
            "照片模糊：请保持手机稳定、对焦到脸部后再拍 \
             (blurred: hold the phone steady and focus on your face)",
        )
    }
}

const SHARPNESS_MIN: f64 = 30.0;
/// Faces are compared at this width: small enough that most photos are
/// scaled down, never up, before measuring.
const SHARPNESS_FACE_WIDTH: u32 = 100;

fn colour_check(image: &RgbImage) -> Check {
    let step = ((image.width() * image.height()) / 40_000).max(1) as usize;
    let (n, chroma) = image
        .pixels()
        .step_by(step)
        .fold((0f64, 0f64), |(n, s), p| {
            let [r, g, b] = p.0;
            (n + 1.0, s + f64::from(r.max(g).max(b) - r.min(g).min(b)))
        });
    if chroma / n >= 12.0 {
        check("colour", true, Severity::Warning, "彩色照片 (colour photo)")
    } else {
        check(
            "colour",
            false,
            Severity::Warning,
            "学历照片必须是彩色照片，请关闭黑白滤镜 \
             (the photo must be in colour: turn off black-and-white filters)",
        )
    }
}

/// The CHSI-format derivative and the reviewer's thumbnail.
pub struct Normalised {
    pub jpeg: Vec<u8>,
    pub thumb: Vec<u8>,
}

/// Crops the spec frame around the face (filling any part outside the photo
/// with the reference background), scales it to 480×640 and encodes a small
/// JPEG without metadata. `None` when no face was found.
pub fn normalise(analysis: &Analysis) -> Option<Normalised> {
    let crop = analysis.crop?;
    let frame_w = (FRAME_WIDTH as f32 * crop.scale).round().max(1.0) as u32;
    let frame_h = (FRAME_HEIGHT as f32 * crop.scale).round().max(1.0) as u32;
    let mut canvas = RgbImage::from_pixel(frame_w, frame_h, Rgb(BACKGROUND_RGB));
    imageops::replace(
        &mut canvas,
        &analysis.image,
        -(crop.left.round() as i64),
        -(crop.top.round() as i64),
    );
    let frame = imageops::resize(&canvas, FRAME_WIDTH, FRAME_HEIGHT, FilterType::CatmullRom);
    let thumb = imageops::resize(&frame, THUMB_WIDTH, THUMB_HEIGHT, FilterType::Triangle);
    Some(Normalised {
        jpeg: encode_within_budget(&frame),
        thumb: encode(&thumb, 75),
    })
}

fn encode(image: &RgbImage, quality: u8) -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = JpegEncoder::new_with_quality(&mut out, quality);
    encoder.set_pixel_density(PixelDensity::dpi(DPI));
    encoder
        .encode_image(image)
        .expect("encoding an in-memory RGB image cannot fail");
    out
}

/// The best quality whose file fits the target size, and never above the cap.
fn encode_within_budget(image: &RgbImage) -> Vec<u8> {
    let mut last = Vec::new();
    for quality in [92, 88, 84, 80, 75, 70, 65, 60, 50, 40, 30] {
        last = encode(image, quality);
        if last.len() <= TARGET_BYTES.1 {
            return last;
        }
    }
    debug_assert!(last.len() <= MAX_BYTES);
    last
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_placement_keeps_every_landmark_within_the_spec_bands() {
        for aspect in [0.9, 1.0, 1.1] {
            let target = Placement::for_aspect(aspect);
            // A face box laid where the crop puts it, in frame pixels.
            let face = FaceBox {
                x: 240.0 - target.face_width / 2.0,
                y: target.eyes_y - EYES_IN_BOX * aspect * target.face_width,
                width: target.face_width,
                height: aspect * target.face_width,
            };
            let within = |v: f32, (min, max): (u32, u32)| (min as f32..=max as f32).contains(&v);
            assert!(within(face.width, FACE_WIDTH_BAND), "{aspect}: {face:?}");
            assert!(within(face.eyes_y(), EYES_BAND), "{aspect}: {face:?}");
            assert!(
                within(face.hairline_y(), HAIRLINE_BAND),
                "{aspect}: {face:?}"
            );
        }
    }
}
