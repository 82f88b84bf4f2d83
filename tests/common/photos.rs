//! The test photos committed in `tests/images/` (where they come from and
//! what each one exercises: `tests/images/README.md`), and the few bad
//! files that are cut from them at test time (a bomb header, a truncated
//! file, 3 MB of EXIF, PNG chunks too large, a head moved to the top edge)
//! rather than stored.

fn load(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/images/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A photo of the labelled set in `tests/photo-set/` (its README says what
/// each shows).
pub fn from_set(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/photo-set/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A 720×960 head-and-shoulders portrait on the reference blue that
/// passes every check.
pub fn good_jpeg() -> Vec<u8> {
    load("portrait.jpg")
}

/// The portrait with a transparent background (flattened onto the
/// reference blue by the service).
pub fn transparent_png() -> Vec<u8> {
    load("transparent.png")
}

/// Two portraits side by side.
pub fn two_faces() -> Vec<u8> {
    load("two-faces.jpg")
}

/// Only background.
pub fn no_face() -> Vec<u8> {
    load("no-face.jpg")
}

/// So small that no 480×640 photo can come of it.
pub fn tiny() -> Vec<u8> {
    load("tiny.jpg")
}

/// Usable only upscaled (the resolution warning band).
pub fn low_resolution() -> Vec<u8> {
    load("low-resolution.jpg")
}

/// Black and white (an 8-bit greyscale JPEG).
pub fn greyscale() -> Vec<u8> {
    load("greyscale.jpg")
}

/// Badly under-exposed.
pub fn dark() -> Vec<u8> {
    load("dark.jpg")
}

/// Out of focus.
pub fn blurred() -> Vec<u8> {
    load("blurred.jpg")
}

/// A grey background instead of blue.
pub fn grey_background() -> Vec<u8> {
    load("grey-background.jpg")
}

/// A top the colour of the background.
pub fn sky_blue_top() -> Vec<u8> {
    load("sky-blue-top.jpg")
}

pub fn yellow_green_top() -> Vec<u8> {
    load("yellow-green-top.jpg")
}

/// The person at the left edge: the spec frame reaches outside the photo.
pub fn off_centre() -> Vec<u8> {
    load("off-centre.jpg")
}

/// Stored sideways with EXIF orientation 6 (rotate 90° clockwise to
/// display), as phone cameras write it.
pub fn sideways_with_exif() -> Vec<u8> {
    load("sideways-exif.jpg")
}

/// A CMYK JPEG (as print workflows write them).
pub fn cmyk() -> Vec<u8> {
    load("cmyk.jpg")
}

fn segment(marker: u8, payload: &[u8]) -> Vec<u8> {
    let len = (payload.len() + 2) as u16;
    let mut out = vec![0xFF, marker];
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(payload);
    out
}

/// The portrait carrying 3 MB of EXIF-like metadata in 48 maximal APP1
/// segments right after its start marker.
pub fn huge_exif() -> Vec<u8> {
    let jpeg = good_jpeg();
    let filler = vec![0x41u8; 65_000];
    let mut out = jpeg[..2].to_vec();
    for _ in 0..48 {
        out.extend(segment(0xE1, &[b"Exif\0\0".as_slice(), &filler].concat()));
    }
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// The portrait whose header announces 65535×65535 pixels (a decompression
/// bomb).
pub fn bomb() -> Vec<u8> {
    let mut bytes = good_jpeg();
    let sof = bytes
        .windows(2)
        .position(|w| w == [0xFF, 0xC0])
        .expect("baseline JPEG has SOF0");
    // FF C0, length (2), precision (1), height (2), width (2).
    bytes[sof + 5..sof + 9].copy_from_slice(&[0xFF, 0xFF, 0xFF, 0xFF]);
    bytes
}

/// The transparent portrait with an ancillary chunk inserted after its
/// header chunk.
pub fn png_with_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let png = transparent_png();
    // The signature (8 bytes), then IHDR: length, type, 13 bytes, CRC.
    let (head, rest) = png.split_at(8 + 4 + 4 + 13 + 4);
    let mut crc = flate2::Crc::new();
    crc.update(kind);
    crc.update(data);
    let mut out = head.to_vec();
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    out.extend_from_slice(&crc.sum().to_be_bytes());
    out.extend_from_slice(rest);
    out
}

/// The transparent portrait with an ICC profile that inflates to `size`
/// bytes (zeros: 1 GiB takes about a megabyte in the file).
pub fn png_with_icc_profile(size: usize) -> Vec<u8> {
    use std::io::Write;
    // The profile's name, its end, compression method 0, then zlib data.
    let mut zlib =
        flate2::write::ZlibEncoder::new(b"bomb\0\0".to_vec(), flate2::Compression::best());
    let zeros = vec![0; 1 << 20];
    let mut left = size;
    while left > 0 {
        let n = left.min(zeros.len());
        zlib.write_all(&zeros[..n]).unwrap();
        left -= n;
    }
    png_with_chunk(b"iCCP", &zlib.finish().unwrap())
}

/// The first half of the portrait.
pub fn truncated() -> Vec<u8> {
    let bytes = good_jpeg();
    bytes[..bytes.len() / 2].to_vec()
}

/// The photo with its top cut off so that the estimated top of the head
/// lies `room` pixels of the 480×640 frame below the top edge (the ideal
/// crop leaves 72, the spec's band allows 50 to 110), re-encoded as JPEG.
pub fn head_near_the_top(bytes: &[u8], room: f32) -> Vec<u8> {
    use diploma_photo::service::photo_check::{Placement, analyse, decode};
    let (image, format) = decode(std::io::Cursor::new(bytes)).unwrap();
    let face = analyse(image.clone(), format).face.expect("one face");
    let scale = face.width / Placement::for_aspect(face.height / face.width).face_width;
    let rows = (face.hairline_y() - room * scale).round() as u32;
    let (width, height) = image.dimensions();
    let cut = image::imageops::crop_imm(&image, 0, rows, width, height - rows).to_image();
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .encode_image(&cut)
        .unwrap();
    out
}
