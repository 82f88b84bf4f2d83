//! Memory of one photo check (decoding, the checks and the normalised copy,
//! as `makeup::check_file` runs them) for the heaviest files the limits let
//! through: the per-check bound of docs/reliability.md ("Imports and
//! images"). A test binary of its own with one test, because peak memory
//! is the process's.
mod common;

use std::io::Cursor;

use common::photos;
use diploma_photo::service::photo_check::{MAX_PIXELS, analyse, decode};
use image::{ExtendedColorType, ImageEncoder, RgbImage, codecs::png::PngEncoder, imageops};
use jpeg_encoder::{ColorType, Encoder, SamplingFactor};

/// What docs/reliability.md states one check may take, in MiB.
const BOUND_MIB: u64 = 300;

fn status_kib(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("{field} in /proc/self/status"))
}

/// Peak memory above the resident set of checking `bytes`, in MiB, and
/// whether the photo decoded.
fn check_peak_mib(bytes: &[u8]) -> (u64, bool) {
    // Resets VmHWM to the current resident set (Linux 4.0 and later).
    std::fs::write("/proc/self/clear_refs", "5").unwrap();
    let before = status_kib("VmRSS:");
    let decoded = decode(Cursor::new(bytes)).map(|(image, format)| analyse(image, format));
    ((status_kib("VmHWM:") - before) / 1024, decoded.is_ok())
}

/// The committed portrait scaled to just under `MAX_PIXELS`, 3:4.
fn portrait_at_max_pixels() -> RgbImage {
    let (image, _) = decode(Cursor::new(photos::good_jpeg())).unwrap();
    let width = ((MAX_PIXELS as f64 * 3.0 / 4.0).sqrt()) as u32;
    imageops::resize(&image, width, width * 4 / 3, imageops::FilterType::Triangle)
}

fn jpeg_444(image: &RgbImage, progressive: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = Encoder::new(&mut out, 90);
    encoder.set_sampling_factor(SamplingFactor::R_4_4_4);
    encoder.set_progressive(progressive);
    let (w, h) = (image.width() as u16, image.height() as u16);
    encoder.encode(image, w, h, ColorType::Rgb).unwrap();
    out
}

/// One colour, with alpha, at `bits` bits per channel, as large as the
/// limits allow (`MAX_PIXELS` at 8 bits, half at 16).
fn flat_png(bits: u32) -> Vec<u8> {
    let (width, height) = (5000, MAX_PIXELS as u32 / 5000 / (bits / 8));
    let colour = if bits == 8 {
        ExtendedColorType::Rgba8
    } else {
        ExtendedColorType::Rgba16
    };
    let pixels = vec![200; (width * height * 4 * bits / 8) as usize];
    let mut out = Vec::new();
    PngEncoder::new(&mut out)
        .write_image(&pixels, width, height, colour)
        .unwrap();
    out
}

fn assert_checks_within(bound_mib: u64, cases: Vec<(&str, Vec<u8>)>) {
    // As the service runs (`main` sets this before anything else).
    diploma_photo::allocator::configure();
    for (name, bytes) in cases {
        assert!(bytes.len() <= 10 << 20, "{name}: {} bytes", bytes.len());
        let started = std::time::Instant::now();
        let (peak, decoded) = check_peak_mib(&bytes);
        eprintln!(
            "{name}: {} KB, decoded {decoded}, peak +{peak} MiB, {:?}",
            bytes.len() / 1024,
            started.elapsed()
        );
        assert!(peak <= bound_mib, "{name}: {peak} MiB");
    }
}

#[test]
fn png_metadata_that_inflates_is_refused_without_memory() {
    assert_checks_within(
        16,
        vec![
            (
                "PNG whose ICC profile inflates to 1 GiB",
                photos::png_with_icc_profile(1 << 30),
            ),
            (
                "PNG with 4 MB of text",
                photos::png_with_chunk(b"tEXt", &[b'a'; 4 << 20]),
            ),
        ],
    );
}

#[test]
#[ignore = "a minute in a debug build: cargo test --release --test photo_memory -- --ignored --nocapture"]
fn the_heaviest_photos_check_within_the_stated_bound() {
    let portrait = portrait_at_max_pixels();
    let cases = vec![
        (
            "30 MP portrait, progressive JPEG 4:4:4",
            jpeg_444(&portrait, true),
        ),
        (
            "30 MP portrait, baseline JPEG 4:4:4",
            jpeg_444(&portrait, false),
        ),
        ("30 MP PNG, RGBA 8 bits", flat_png(8)),
        ("15 MP PNG, RGBA 16 bits", flat_png(16)),
    ];
    drop(portrait);
    assert_checks_within(BOUND_MIB, cases);
}
