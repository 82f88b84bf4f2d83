//! Test photos, made from one public-domain portrait: NASA's photograph of
//! astronaut Eileen Collins (`tests/images/astronaut.png`, as shipped in
//! scikit-image's data set: "No known copyright restrictions, released into
//! the public domain"). Each variant exercises one check.

use std::{io::Cursor, sync::LazyLock};

use image::{
    DynamicImage, GrayImage, ImageFormat, Rgb, RgbImage, Rgba, RgbaImage,
    codecs::jpeg::JpegEncoder,
    imageops::{self, FilterType},
};

/// The reference background, RGB(100,197,255).
pub const BLUE: Rgb<u8> = Rgb([100, 197, 255]);

static SOURCE: LazyLock<RgbImage> = LazyLock::new(|| {
    image::open(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/images/astronaut.png"
    ))
    .expect("tests/images/astronaut.png")
    .to_rgb8()
});

/// Scale of the portrait over the 512×512 source.
const SCALE: f32 = 2.5;
const OFFSET: (f32, f32) = (-75.0, 213.0);

/// Whether a portrait pixel shows the person (head ellipse or body) rather
/// than the background, and which source pixel it is.
fn person_at(x: u32, y: u32) -> Option<(u32, u32)> {
    let sx = (x as f32 - OFFSET.0) / SCALE;
    let sy = (y as f32 - OFFSET.1) / SCALE;
    if !(0.0..512.0).contains(&sx) || !(0.0..512.0).contains(&sy) {
        return None;
    }
    let head = ((sx - 228.0) / 75.0).powi(2) + ((sy - 115.0) / 100.0).powi(2) <= 1.0;
    (head || sy > 175.0).then_some((sx as u32, sy as u32))
}

/// A 960×1280 head-and-shoulders portrait on the reference blue that
/// passes every check.
pub fn portrait() -> RgbImage {
    let big = imageops::resize(&*SOURCE, 1280, 1280, FilterType::CatmullRom);
    RgbImage::from_fn(960, 1280, |x, y| match person_at(x, y) {
        Some(_) => {
            let bx = (x as f32 - OFFSET.0) as u32;
            let by = (y as f32 - OFFSET.1) as u32;
            *big.get_pixel(bx.min(1279), by.min(1279))
        }
        None => BLUE,
    })
}

pub fn jpeg(image: &RgbImage) -> Vec<u8> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 90)
        .encode_image(image)
        .unwrap();
    out
}

fn encode(image: &DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    image.write_to(&mut out, format).unwrap();
    out.into_inner()
}

/// The portrait as a JPEG.
pub fn good_jpeg() -> Vec<u8> {
    jpeg(&portrait())
}

/// The portrait as a PNG whose background is transparent (flattened onto
/// the reference blue by the service).
pub fn transparent_png() -> Vec<u8> {
    let p = portrait();
    let rgba = RgbaImage::from_fn(p.width(), p.height(), |x, y| {
        let Rgb([r, g, b]) = *p.get_pixel(x, y);
        match person_at(x, y) {
            Some(_) => Rgba([r, g, b, 255]),
            None => Rgba([0, 0, 0, 0]),
        }
    });
    encode(&DynamicImage::ImageRgba8(rgba), ImageFormat::Png)
}

/// Two portraits side by side.
pub fn two_faces() -> Vec<u8> {
    let p = portrait();
    let mut canvas = RgbImage::from_pixel(1920, 1280, BLUE);
    imageops::replace(&mut canvas, &p, 0, 0);
    imageops::replace(&mut canvas, &p, 960, 0);
    jpeg(&canvas)
}

/// Only background.
pub fn no_face() -> Vec<u8> {
    jpeg(&RgbImage::from_fn(960, 1280, |x, y| {
        Rgb([
            100,
            197u8.saturating_sub((y / 40) as u8),
            (255 - x / 20) as u8,
        ])
    }))
}

/// The portrait scaled down so far that no 480×640 photo can come of it.
pub fn tiny() -> Vec<u8> {
    jpeg(&imageops::resize(
        &portrait(),
        240,
        320,
        FilterType::Triangle,
    ))
}

/// The portrait in black and white (an 8-bit greyscale JPEG).
pub fn greyscale() -> Vec<u8> {
    let gray: GrayImage = DynamicImage::ImageRgb8(portrait()).to_luma8();
    encode(&DynamicImage::ImageLuma8(gray), ImageFormat::Jpeg)
}

/// The portrait badly under-exposed.
pub fn dark() -> Vec<u8> {
    let mut p = portrait();
    for px in p.pixels_mut() {
        px.0 = px.0.map(|c| c / 5);
    }
    jpeg(&p)
}

/// The portrait out of focus.
pub fn blurred() -> Vec<u8> {
    jpeg(&imageops::blur(&portrait(), 6.0))
}

/// The portrait with a grey background instead of blue.
pub fn grey_background() -> Vec<u8> {
    let mut p = portrait();
    for (x, y, px) in p.enumerate_pixels_mut() {
        if person_at(x, y).is_none() {
            *px = Rgb([200, 200, 200]);
        }
    }
    jpeg(&p)
}

/// The portrait stored sideways with EXIF orientation 6 (rotate 90° clockwise
/// to display), as phone cameras write it.
pub fn sideways_with_exif() -> Vec<u8> {
    let stored = imageops::rotate270(&portrait());
    insert_after_soi(&jpeg(&stored), &[exif_orientation(6)])
}

/// An APP1 segment holding a minimal little-endian TIFF with one tag:
/// Orientation.
fn exif_orientation(value: u16) -> Vec<u8> {
    let mut tiff = Vec::new();
    tiff.extend_from_slice(b"II*\0");
    tiff.extend_from_slice(&8u32.to_le_bytes());
    tiff.extend_from_slice(&1u16.to_le_bytes()); // one entry
    tiff.extend_from_slice(&0x0112u16.to_le_bytes()); // Orientation
    tiff.extend_from_slice(&3u16.to_le_bytes()); // SHORT
    tiff.extend_from_slice(&1u32.to_le_bytes());
    tiff.extend_from_slice(&value.to_le_bytes());
    tiff.extend_from_slice(&[0, 0]);
    tiff.extend_from_slice(&0u32.to_le_bytes()); // no next IFD
    segment(0xE1, &[b"Exif\0\0".as_slice(), &tiff].concat())
}

fn segment(marker: u8, payload: &[u8]) -> Vec<u8> {
    let len = (payload.len() + 2) as u16;
    let mut out = vec![0xFF, marker];
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(payload);
    out
}

fn insert_after_soi(jpeg: &[u8], segments: &[Vec<u8>]) -> Vec<u8> {
    assert_eq!(&jpeg[..2], &[0xFF, 0xD8]);
    let mut out = jpeg[..2].to_vec();
    for s in segments {
        out.extend_from_slice(s);
    }
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// The portrait carrying 3 MB of EXIF-like metadata in 48 maximal APP1 segments.
pub fn huge_exif() -> Vec<u8> {
    let filler = vec![0x41u8; 65_000];
    let segments: Vec<Vec<u8>> = (0..48)
        .map(|_| segment(0xE1, &[b"Exif\0\0".as_slice(), &filler].concat()))
        .collect();
    insert_after_soi(&good_jpeg(), &segments)
}

/// A JPEG whose header announces 65535×65535 pixels (a decompression bomb).
pub fn bomb() -> Vec<u8> {
    let mut bytes = jpeg(&RgbImage::from_pixel(16, 16, BLUE));
    let sof = bytes
        .windows(2)
        .position(|w| w == [0xFF, 0xC0])
        .expect("baseline JPEG has SOF0");
    // FF C0, length (2), precision (1), height (2), width (2).
    bytes[sof + 5..sof + 9].copy_from_slice(&[0xFF, 0xFF, 0xFF, 0xFF]);
    bytes
}

/// The portrait encoded as a CMYK JPEG (as print workflows write them).
pub fn cmyk() -> Vec<u8> {
    let p = portrait();
    let mut cmyk = Vec::with_capacity(p.len() / 3 * 4);
    for px in p.pixels() {
        let [r, g, b] = px.0;
        let k = 255 - r.max(g).max(b);
        cmyk.extend_from_slice(&[255 - r - k, 255 - g - k, 255 - b - k, k]);
    }
    let mut out = Vec::new();
    jpeg_encoder::Encoder::new(&mut out, 90)
        .encode(
            &cmyk,
            p.width() as u16,
            p.height() as u16,
            jpeg_encoder::ColorType::Cmyk,
        )
        .unwrap();
    out
}

/// The first half of a valid JPEG.
pub fn truncated() -> Vec<u8> {
    let bytes = good_jpeg();
    bytes[..bytes.len() / 2].to_vec()
}
