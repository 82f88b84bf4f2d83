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
/// What the decoder may allocate for the image: `MAX_PIXELS` with alpha at
/// 8 bits per channel (a PNG of 16 bits per channel gets half the pixels).
const MAX_ALLOC: u64 = MAX_PIXELS * 4;
/// A PNG's ancillary chunks (ICC profile, text, EXIF…), which the decoder
/// keeps in memory, may take this much of the file, and its ICC profile
/// may inflate to this much. A phone writes a few kilobytes.
pub const MAX_PNG_METADATA_BYTES: u64 = 4 * 1024 * 1024;
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
    /// A PNG whose metadata is over `MAX_PNG_METADATA_BYTES`, in the file or
    /// inflated.
    MetadataTooLarge,
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
    /// The heights the eyes may take at this width (`eyes_y` is their middle).
    pub eyes_range: (f32, f32),
}

impl Placement {
    /// For a face box of this height-to-width ratio.
    pub fn for_aspect(aspect: f32) -> Self {
        let face_width = middle(FACE_WIDTH_BAND);
        Self::with_width(aspect, face_width).unwrap_or_else(|| {
            // An unusually tall box: the eyes' band wins.
            let eyes_y = middle(EYES_BAND);
            Self {
                face_width,
                eyes_y,
                eyes_range: (eyes_y, eyes_y),
            }
        })
    }

    /// The face made this wide; `None` when no height of the eyes keeps
    /// both them and the hairline within their bands.
    fn with_width(aspect: f32, face_width: f32) -> Option<Self> {
        let eyes_below_hairline = (EYES_IN_BOX + HAIRLINE_ABOVE_BOX) * aspect * face_width;
        let low = (EYES_BAND.0 as f32).max(HAIRLINE_BAND.0 as f32 + eyes_below_hairline);
        let high = (EYES_BAND.1 as f32).min(HAIRLINE_BAND.1 as f32 + eyes_below_hairline);
        (low <= high).then_some(Self {
            face_width,
            eyes_y: (low + high) / 2.0,
            eyes_range: (low, high),
        })
    }
}

/// A side of the photo where the spec frame needs more room than there is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    Above,
    Below,
    Left,
    Right,
}

impl Side {
    /// How to retake the photo, for the student.
    fn advice(self) -> &'static str {
        match self {
            Side::Above => {
                "头顶上方留白不足，请后退一些、让头顶上方留出空间后重拍 \
                 (too little space above your head: step back a little and leave room above your head, then retake)"
            }
            Side::Below => {
                "肩膀没有拍全，请后退一些或把镜头稍微放低、让肩膀完整入镜后重拍 \
                 (shoulders cut off: step back or lower the camera a little so your shoulders are in the picture, then retake)"
            }
            Side::Left => {
                "画面左侧留白不足，请站到画面正中后重拍 \
                 (too little space on the left of the picture: stand in the middle, then retake)"
            }
            Side::Right => {
                "画面右侧留白不足，请站到画面正中后重拍 \
                 (too little space on the right of the picture: stand in the middle, then retake)"
            }
        }
    }
}

/// The spec frame laid over the source image: `scale` source pixels per
/// frame pixel. The normalised photo is cut from the photo itself, never
/// painted: a frame that reaches outside the photo refuses it (`frame_room`).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Crop {
    left: f32,
    top: f32,
    scale: f32,
}

impl Crop {
    /// The frame for this face in a `width`×`height` photo: the ideal
    /// placement if it fits; else the nearest one that fits and still keeps
    /// the face within the spec bands (the eyes moved within their allowed
    /// heights, then the face made wider, up to the band's top); else the
    /// ideal one, which reaches outside the photo.
    fn around(face: FaceBox, width: u32, height: u32) -> Self {
        let aspect = face.height / face.width;
        let ideal = Placement::for_aspect(aspect);
        let wider = (ideal.face_width as u32 + 1..=FACE_WIDTH_BAND.1)
            .filter_map(|w| Placement::with_width(aspect, w as f32));
        std::iter::once(ideal)
            .chain(wider)
            .find_map(|target| Self::fitting(face, target, width, height))
            .unwrap_or_else(|| Self::placed(face, ideal))
    }

    /// Centred on the face, the face as wide and the eyes as high as `target` says.
    fn placed(face: FaceBox, target: Placement) -> Self {
        let scale = face.width / target.face_width;
        Crop {
            left: face.x + face.width / 2.0 - FRAME_WIDTH as f32 / 2.0 * scale,
            top: face.eyes_y() - target.eyes_y * scale,
            scale,
        }
    }

    /// Placed for `target`, then moved up or down as little as possible
    /// until it lies within the photo with the eyes still within
    /// `target.eyes_range`; `None` when no such move exists.
    fn fitting(face: FaceBox, target: Placement, width: u32, height: u32) -> Option<Self> {
        let placed = Self::placed(face, target);
        let (x, _, w, h) = placed.rect();
        if x < 0 || x + w > i64::from(width) {
            return None;
        }
        let (eyes_min, eyes_max) = target.eyes_range;
        let lowest = (face.eyes_y() - eyes_max * placed.scale).max(0.0);
        // Whole pixels, so that the rounded rectangle stays inside too.
        let highest = (face.eyes_y() - eyes_min * placed.scale).min((i64::from(height) - h) as f32);
        (lowest <= highest).then(|| Crop {
            top: placed.top.clamp(lowest, highest),
            ..placed
        })
    }

    /// Source pixel under a frame pixel.
    fn source(&self, fx: f32, fy: f32) -> (f32, f32) {
        (self.left + fx * self.scale, self.top + fy * self.scale)
    }

    /// The frame in whole source pixels: left, top, width, height.
    fn rect(&self) -> (i64, i64, i64, i64) {
        (
            self.left.round() as i64,
            self.top.round() as i64,
            ((FRAME_WIDTH as f32 * self.scale).round() as i64).max(1),
            ((FRAME_HEIGHT as f32 * self.scale).round() as i64).max(1),
        )
    }

    /// The sides of a `width`×`height` photo the frame reaches beyond (both
    /// sides of a direction in which the frame is larger than the photo).
    fn outside(&self, width: u32, height: u32) -> Vec<Side> {
        let (x, y, w, h) = self.rect();
        let (width, height) = (i64::from(width), i64::from(height));
        [
            (Side::Above, y < 0 || h > height),
            (Side::Below, y + h > height || h > height),
            (Side::Left, x < 0 || w > width),
            (Side::Right, x + w > width || w > width),
        ]
        .into_iter()
        .filter_map(|(side, short)| short.then_some(side))
        .collect()
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
    if format == ImageFormat::Png {
        check_png_metadata(&mut input)?;
    }
    let mut reader = ImageReader::with_format(input, format);
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(classify)?;
    let (w, h) = decoder.dimensions();
    // The limits bound the decoder's own buffers; the image's is checked here.
    if u64::from(w) * u64::from(h) > MAX_PIXELS || decoder.total_bytes() > MAX_ALLOC {
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

/// Refuses a PNG whose ancillary chunks come to more than
/// `MAX_PNG_METADATA_BYTES` in the file, or whose ICC profile inflates past
/// it (the decoder would inflate it up to its whole allocation limit), from
/// the chunks' length fields: the image data is skipped, not read. Chunks
/// that do not add up are left to the decoder to refuse.
fn check_png_metadata<R: BufRead + Seek>(input: &mut R) -> Result<(), Unreadable> {
    let unreadable = |_| Unreadable::NotAnImage;
    input.seek(SeekFrom::Start(8)).map_err(unreadable)?;
    let mut ancillary = 0;
    let mut head = [0; 8];
    while input.read_exact(&mut head).is_ok() {
        let (length, kind) = head.split_at(4);
        let length = u64::from(u32::from_be_bytes(length.try_into().expect("4 bytes")));
        // Ancillary chunks have a lower-case first letter; also count their
        // length, type and CRC fields, which the decoder keeps a structure for.
        if kind[0].is_ascii_lowercase() {
            ancillary += length + 12;
            if ancillary > MAX_PNG_METADATA_BYTES {
                return Err(Unreadable::MetadataTooLarge);
            }
        }
        if kind == b"iCCP" {
            let mut chunk = Vec::new();
            input
                .take(length)
                .read_to_end(&mut chunk)
                .map_err(unreadable)?;
            if icc_profile_too_large(&chunk) {
                return Err(Unreadable::MetadataTooLarge);
            }
            input.seek(SeekFrom::Current(4)).map_err(unreadable)?;
        } else if kind == b"IEND" {
            break;
        } else {
            input
                .seek(SeekFrom::Current(length as i64 + 4))
                .map_err(unreadable)?;
        }
    }
    input.rewind().map_err(unreadable)
}

/// Whether an iCCP chunk's profile inflates past `MAX_PNG_METADATA_BYTES`
/// (inflated as the decoder does, up to the limit and no further).
fn icc_profile_too_large(chunk: &[u8]) -> bool {
    // A name of 1–79 bytes ending in 0, a compression method byte, zlib data.
    let Some(name_end) = chunk.iter().take(80).position(|b| *b == 0) else {
        return false;
    };
    let profile = chunk.get(name_end + 2..).unwrap_or_default();
    matches!(
        fdeflate::decompress_to_vec_bounded(profile, MAX_PNG_METADATA_BYTES as usize),
        Err(fdeflate::BoundedDecompressionError::OutputTooLarge { .. })
    )
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
    let crop = face.map(|face| Crop::around(face, width, height));
    checks.push(resolution_check(width, height, crop));
    if let (Some(face), Some(crop)) = (face, crop) {
        checks.push(frame_room_check(&crop.outside(width, height)));
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

/// The normalised photo needs the whole spec frame from the photo: nothing
/// is painted in, so a frame reaching outside refuses the photo, saying for
/// each side how to retake it.
fn frame_room_check(short: &[Side]) -> Check {
    if short.is_empty() {
        return check(
            "frame_room",
            true,
            Severity::Error,
            "头部四周留有足够空间，可以裁剪成标准照片 (there is room around your head for the spec frame)",
        );
    }
    let advice: Vec<&str> = short.iter().map(|side| side.advice()).collect();
    check("frame_room", false, Severity::Error, &advice.join(" "))
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

/// Cuts the spec frame around the face out of the photo, scales it to
/// 480×640 and encodes a small JPEG without metadata. `None` when no face
/// was found or the frame reaches outside the photo: nothing is ever
/// painted in.
pub fn normalise(analysis: &Analysis) -> Option<Normalised> {
    let crop = analysis.crop?;
    if !crop.outside(analysis.width, analysis.height).is_empty() {
        return None;
    }
    let (x, y, w, h) = crop.rect();
    let cut = imageops::crop_imm(&analysis.image, x as u32, y as u32, w as u32, h as u32);
    let frame = imageops::resize(&*cut, FRAME_WIDTH, FRAME_HEIGHT, FilterType::CatmullRom);
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

    /// A square face box `width` source pixels wide, centred at `cx`, its
    /// estimated hairline at `hairline`.
    fn face_at(cx: f32, hairline: f32, width: f32) -> FaceBox {
        FaceBox {
            x: cx - width / 2.0,
            y: hairline + HAIRLINE_ABOVE_BOX * width,
            width,
            height: width,
        }
    }

    /// Asserts that the crop lies within the photo and puts the face's
    /// landmarks within the spec bands, centred.
    fn assert_within_spec(face: FaceBox, crop: Crop, width: u32, height: u32) {
        assert_eq!(crop.outside(width, height), Vec::new(), "{face:?} {crop:?}");
        let (x, y, w, h) = crop.rect();
        assert!(x >= 0 && y >= 0 && x + w <= i64::from(width) && y + h <= i64::from(height));
        let frame = |v: f32, origin: f32| (v - origin) / crop.scale;
        // The cut is in whole source pixels: half a pixel either way.
        let within =
            |v: f32, (min, max): (u32, u32)| (min as f32 - 0.5..=max as f32 + 0.5).contains(&v);
        let centre = frame(face.x + face.width / 2.0, crop.left);
        assert!((centre - FRAME_WIDTH as f32 / 2.0).abs() < 0.5, "{centre}");
        assert!(
            within(face.width / crop.scale, FACE_WIDTH_BAND),
            "{face:?} {crop:?}"
        );
        assert!(
            within(frame(face.eyes_y(), crop.top), EYES_BAND),
            "{face:?} {crop:?}"
        );
        assert!(
            within(frame(face.hairline_y(), crop.top), HAIRLINE_BAND),
            "{face:?} {crop:?}"
        );
    }

    #[test]
    fn a_face_with_room_around_it_gets_the_ideal_crop() {
        let face = face_at(1500.0, 800.0, 600.0);
        let crop = Crop::around(face, 3000, 4000);
        assert_eq!(crop, Crop::placed(face, Placement::for_aspect(1.0)));
        assert_within_spec(face, crop, 3000, 4000);
    }

    #[test]
    fn a_head_a_little_high_moves_the_frame_within_the_bands() {
        // At scale 1 the ideal frame starts 72 px above the hairline; here
        // there are 60 px: the eyes go higher in the frame, within their band.
        let face = face_at(360.0, 60.0, 240.0);
        let crop = Crop::around(face, 720, 960);
        assert_ne!(crop, Crop::placed(face, Placement::for_aspect(1.0)));
        assert_within_spec(face, crop, 720, 960);
        // Shoulders a little short: the frame moves up instead.
        let face = face_at(360.0, 150.0, 240.0);
        let crop = Crop::around(face, 720, 640 + 150 - 72 - 20);
        assert_within_spec(face, crop, 720, 640 + 150 - 72 - 20);
    }

    #[test]
    fn a_photo_framed_exactly_still_fits_when_the_face_is_found_a_little_wider() {
        // A 480×640 photo already in the spec frame, the face found 4 % wider
        // and off-centre by a few pixels (the detector is not exact): the
        // face is made a little larger instead of painting a margin.
        let face = face_at(244.0, 72.0, 250.0);
        let crop = Crop::around(face, 480, 640);
        assert!(crop.scale < 1.0, "{crop:?}");
        assert_within_spec(face, crop, 480, 640);
    }

    #[test]
    fn a_frame_that_cannot_fit_names_each_side_short_of_room() {
        let short = |face: FaceBox, width, height| {
            let crop = Crop::around(face, width, height);
            crop.outside(width, height)
        };
        // The head at the top edge: no room above it in any placement.
        assert_eq!(short(face_at(360.0, 0.0, 240.0), 720, 960), [Side::Above]);
        // The bug report's case: the face high in a photo whose head touches the top.
        assert_eq!(short(face_at(360.0, -20.0, 240.0), 720, 960), [Side::Above]);
        // Cut off at the chest.
        assert_eq!(short(face_at(360.0, 200.0, 240.0), 720, 660), [Side::Below]);
        // Off-centre (`tests/images/off-centre.jpg`).
        assert_eq!(short(face_at(110.0, 200.0, 240.0), 720, 960), [Side::Left]);
        assert_eq!(short(face_at(610.0, 200.0, 240.0), 720, 960), [Side::Right]);
        // Far too close: the frame is larger than the photo every way.
        assert_eq!(
            short(face_at(360.0, 100.0, 600.0), 720, 960),
            [Side::Above, Side::Below, Side::Left, Side::Right]
        );
        let check = frame_room_check(&[Side::Above, Side::Left]);
        assert!(!check.passed && check.severity == Severity::Error);
        assert!(check.message.contains("头顶上方留白不足") && check.message.contains("左侧"));
        assert!(frame_room_check(&[]).passed);
    }

    #[test]
    fn every_crop_lies_in_the_photo_or_the_photo_is_refused() {
        let (mut fitted, mut refused) = (0, 0);
        for width in [480, 720, 3000] {
            let height = width * 4 / 3;
            let w = width as f32;
            for face_width in [0.2, 0.35, 0.5, 0.7].map(|f| f * w) {
                for step in 0..=10 {
                    for cx in [0.1, 0.3, 0.5, 0.7, 0.9].map(|f| f * w) {
                        let hairline = step as f32 * height as f32 / 20.0 - 0.1 * w;
                        let face = face_at(cx, hairline, face_width);
                        let crop = Crop::around(face, width, height);
                        if crop.outside(width, height).is_empty() {
                            assert_within_spec(face, crop, width, height);
                            fitted += 1;
                        } else {
                            refused += 1;
                        }
                    }
                }
            }
        }
        assert!(
            fitted > 100 && refused > 100,
            "{fitted} fitted, {refused} refused"
        );
    }

    /// A photo of one flat colour with a face box laid on it, analysed as
    /// if the detector had found that box.
    fn flat_photo(width: u32, height: u32, face: FaceBox) -> Analysis {
        Analysis {
            checks: Vec::new(),
            format: "jpeg",
            width,
            height,
            face: Some(face),
            image: RgbImage::from_pixel(width, height, Rgb([200, 40, 40])),
            crop: Some(Crop::around(face, width, height)),
        }
    }

    #[test]
    fn the_normalised_photo_is_cut_from_the_photo_and_never_painted() {
        let fits = flat_photo(720, 960, face_at(360.0, 60.0, 240.0));
        let normalised = normalise(&fits).expect("a frame within the photo");
        let frame = image::load_from_memory(&normalised.jpeg).unwrap().to_rgb8();
        assert_eq!(frame.dimensions(), (FRAME_WIDTH, FRAME_HEIGHT));
        // Every pixel is the photo's red (JPEG moves it a little), none the
        // reference blue a padded frame would have.
        for p in frame.pixels() {
            let [r, g, b] = p.0;
            assert!(r > 170 && g < 80 && b < 80, "{p:?}");
        }
        for face in [face_at(360.0, 0.0, 240.0), face_at(110.0, 200.0, 240.0)] {
            assert_eq!(normalise(&flat_photo(720, 960, face)).map(|n| n.jpeg), None);
        }
    }
}
