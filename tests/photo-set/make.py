"""Builds the labelled make-up photo set in this folder (see README.md).

Every portrait comes from one public-domain photograph, NASA's portrait of
astronaut Eileen Collins (`astronaut.png` in scikit-image's data); the no-face
scenes use scikit-image's CC0 `chelsea.png`, `coffee.png` and `camera.png`, and
its `brick.png` / `gravel.png` textures. Labels are written here, with each
image, before any check was tuned against the set; the checks are measured
against them by `tests/photo_set.rs`.

Run (not needed for the tests, which read the committed files):
    python3 -m venv /tmp/v && /tmp/v/bin/pip install pillow numpy scipy scikit-image
    /tmp/v/bin/python tests/photo-set/make.py
"""

import csv
import io
import os

import numpy as np
import skimage
from PIL import Image
from scipy import ndimage

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(os.path.dirname(skimage.__file__), "data")
BLUE = (100, 197, 255)
rng = np.random.default_rng(2024)


def load(name):
    return np.asarray(Image.open(os.path.join(DATA, name)).convert("RGB")).astype(np.float32)


def subject():
    """Collins cut out of her studio backdrop: RGB and alpha, window of the source."""
    win = load("astronaut.png")[0:340, 100:360]
    mx, mn = win.max(2), win.min(2)
    backdrop = ((mx - mn) / np.maximum(mx, 1) < 0.16) & (mx > 150)
    labels, _ = ndimage.label(backdrop)
    edge = set(labels[0, :]) | set(labels[:, 0]) | set(labels[:, -1])
    edge.discard(0)
    person = ~np.isin(labels, list(edge))
    person = ndimage.binary_opening(person, iterations=1)
    # Only the largest piece: drops bits of the flag and the shuttle model.
    parts, n = ndimage.label(person)
    sizes = ndimage.sum(person, parts, range(1, n + 1))
    person = parts == (1 + int(np.argmax(sizes)))
    alpha = ndimage.gaussian_filter(person.astype(np.float32), 0.8)
    return win, alpha


SUBJECT, ALPHA = subject()
# In the window: the face's centre column, the eyes' row and the head's top.
FACE_CX, EYES_Y, FACE_W = 128.0, 102.0, 93.0


def resized(rgb, alpha, scale, angle=0.0, mirror=False):
    h, w = alpha.shape
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    img = Image.fromarray(np.dstack([rgb, alpha * 255]).clip(0, 255).astype(np.uint8), "RGBA")
    if mirror:
        img = img.transpose(Image.FLIP_LEFT_RIGHT)
    img = img.resize(size, Image.LANCZOS)
    if angle:
        img = img.rotate(angle, resample=Image.BICUBIC, expand=False,
                         center=(FACE_CX * scale, EYES_Y * scale))
    a = np.asarray(img).astype(np.float32)
    return a[..., :3], a[..., 3] / 255.0


def plain(w, h, colour=BLUE):
    return np.broadcast_to(np.array(colour, np.float32), (h, w, 3)).copy()


def place(canvas, face_w=242.0, cx=None, eyes=None, angle=0.0, mirror=False, rgb=None):
    """Lays the subject on `canvas` with its face `face_w` px wide, the face
    centred at `cx` and the eyes at row `eyes` (default: centre, 40 %)."""
    h, w, _ = canvas.shape
    scale = face_w / FACE_W
    srgb, sa = resized(SUBJECT if rgb is None else rgb, ALPHA, scale, angle, mirror)
    cx = w / 2 if cx is None else cx
    eyes = 0.40 * h if eyes is None else eyes
    ox = round(cx - FACE_CX * scale)
    oy = round(eyes - EYES_Y * scale)
    sh, sw = sa.shape
    # The suit runs on below the window's bottom edge: repeat its last row.
    extra = max(0, h - (oy + sh))
    if extra:
        srgb = np.concatenate([srgb, np.repeat(srgb[-1:], extra, 0)])
        sa = np.concatenate([sa, np.repeat(sa[-1:], extra, 0)])
        sh += extra
    x0, y0 = max(ox, 0), max(oy, 0)
    x1, y1 = min(ox + sw, w), min(oy + sh, h)
    if x0 >= x1 or y0 >= y1:
        return canvas
    part = canvas[y0:y1, x0:x1]
    a = sa[y0 - oy:y1 - oy, x0 - ox:x1 - ox, None]
    canvas[y0:y1, x0:x1] = srgb[y0 - oy:y1 - oy, x0 - ox:x1 - ox] * a + part * (1 - a)
    return canvas


def portrait(w=720, h=960, bg=BLUE, **kw):
    canvas = bg if isinstance(bg, np.ndarray) else plain(w, h, bg)
    return place(canvas, **kw)


def face_region(h, w, cx, eyes, face_w):
    """A soft ellipse over the face (for light falling on the face only)."""
    yy, xx = np.mgrid[0:h, 0:w]
    ry, rx = face_w * 0.75, face_w * 0.55
    d = ((xx - cx) / rx) ** 2 + ((yy - (eyes + face_w * 0.15)) / ry) ** 2
    return ndimage.gaussian_filter((d < 1).astype(np.float32), face_w * 0.08)


def gradient(w, h, left, right):
    t = np.linspace(0, 1, w, dtype=np.float32)[None, :, None]
    return np.broadcast_to(np.array(left, np.float32) * (1 - t) + np.array(right, np.float32) * t, (h, w, 3)).copy()


def texture(name, w, h, tint=None):
    t = load(name)
    t = np.asarray(Image.fromarray(t.astype(np.uint8)).resize((w, h), Image.BICUBIC)).astype(np.float32)
    if tint is not None:
        grey = t.mean(2, keepdims=True) / 255.0
        t = grey * np.array(tint, np.float32) * 1.3
    return t


def to_image(a, mode="RGB"):
    img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB")
    return img.convert(mode) if mode != "RGB" else img


def with_exif_orientation(img, orientation):
    """Stores the picture turned so that `orientation` shows it upright."""
    turn = {6: Image.ROTATE_90, 3: Image.ROTATE_180, 8: Image.ROTATE_270}[orientation]
    stored = img.transpose(turn)
    exif = Image.Exif()
    exif[0x0112] = orientation
    return stored, exif


ENTRIES = []


def save(name, labels, how, img, quality=80, exif=None):
    path = os.path.join(HERE, name)
    if name.endswith(".png"):
        img.save(path, optimize=True)
    else:
        kw = {"quality": quality}
        if exif is not None:
            kw["exif"] = exif.tobytes()
        img.save(path, **kw)
    ENTRIES.append((name, ";".join(labels), how))


def main():
    g = lambda **kw: to_image(portrait(**kw))  # noqa: E731
    # Good photos: what a careful reviewer passes.
    save("good-01.jpg", ["good"], "the reference: face 242 px wide on the reference blue, 720x960", g())
    save("good-02.jpg", ["good"], "mirrored", g(mirror=True))
    save("good-03.jpg", ["good"], "1200x1600, face 400 px", g(w=1200, h=1600, face_w=400))
    save("good-04.jpg", ["good"], "540x720, face 250 px, framed tight", g(w=540, h=720, face_w=250))
    save("good-05.jpg", ["good"], "face 40 px left of centre", g(cx=320))
    save("good-06.jpg", ["good"], "face 40 px right of centre", g(cx=400))
    save("good-07.jpg", ["good"], "head a little higher (eyes at 35 %)", g(eyes=336))
    save("good-08.jpg", ["good"], "head a little lower (eyes at 45 %)", g(eyes=432))
    save("good-09.jpg", ["good"], "a darker light blue (90,185,245)", g(bg=(90, 185, 245)))
    save("good-10.jpg", ["good"], "a paler light blue (130,208,255)", g(bg=(130, 208, 255)))
    save("good-11.jpg", ["good"], "light blue (80,175,235)", g(bg=(80, 175, 235)))
    save("good-12.jpg", ["good"], "light blue (115,190,250), faint left-right gradient", to_image(portrait(bg=gradient(720, 960, (108, 186, 248), (122, 196, 252)))))
    save("good-13.jpg", ["good"], "warm white balance (R +12, B -12)", to_image(portrait() + np.array([12, 0, -12], np.float32)))
    save("good-14.jpg", ["good"], "sensor noise, sigma 4", to_image(portrait() + rng.normal(0, 4, (960, 720, 3))))
    save("good-15.jpg", ["good"], "JPEG quality 55", g(), quality=55)
    save("good-16.png", ["good"], "PNG, 540x720, face 250 px", g(w=540, h=720, face_w=250))
    img, exif = with_exif_orientation(g(), 6)
    save("good-17.jpg", ["good", "exif_rotated"], "stored turned, EXIF orientation 6", img, exif=exif)
    img, exif = with_exif_orientation(g(), 3)
    save("good-18.jpg", ["good", "exif_rotated"], "stored upside down, EXIF orientation 3", img, exif=exif)
    img, exif = with_exif_orientation(g(), 8)
    save("good-19.jpg", ["good", "exif_rotated"], "stored turned, EXIF orientation 8", img, exif=exif)
    save("good-20.jpg", ["good"], "10 % brighter", to_image(portrait() * 1.1))
    save("good-21.jpg", ["good"], "10 % darker", to_image(portrait() * 0.9))
    save("good-22.jpg", ["good"], "1500x2000, face 520 px, JPEG quality 70", g(w=1500, h=2000, face_w=520), quality=70)
    save("good-23.jpg", ["good"], "closer: face 300 px in 720x960", g(face_w=300))
    save("good-24.jpg", ["good"], "head tilted 3 degrees", g(angle=3))
    save("good-25.jpg", ["good"], "landscape 1280x960, face 260 px, centred", g(w=1280, h=960, face_w=260))
    save("good-26.jpg", ["good"], "mirrored, light blue (95,190,250), face 270 px", g(mirror=True, bg=(95, 190, 250), face_w=270))

    # No usable face.
    save("no-face-01.jpg", ["no_face"], "the reference blue, nobody", to_image(plain(720, 960)))
    save("no-face-02.jpg", ["no_face"], "a blue wall with a soft gradient, nobody", to_image(gradient(720, 960, (90, 180, 240), (120, 205, 255))))
    save("no-face-03.jpg", ["no_face"], "scikit-image's chelsea.png (a cat, CC0), scaled to 720x960", to_image(np.asarray(Image.fromarray(load("chelsea.png").astype(np.uint8)).resize((720, 960))).astype(np.float32)))
    save("no-face-04.jpg", ["no_face"], "scikit-image's coffee.png (a cup, CC0), scaled to 720x960", to_image(np.asarray(Image.fromarray(load("coffee.png").astype(np.uint8)).resize((720, 960))).astype(np.float32)))
    save("no-face-05.jpg", ["no_face"], "only the shoulders: the head above the top edge", g(eyes=-200))
    save("no-face-06.jpg", ["no_face", "greyscale"], "scikit-image's camera.png (a cameraman in profile behind his camera, CC0), 720x720", to_image(np.asarray(Image.fromarray(load("camera.png").astype(np.uint8)).resize((720, 720))).astype(np.float32)))
    # Turned without EXIF: the face lies on its side or upside down.
    save("rotated-01.jpg", ["rotated"], "turned 90 degrees clockwise, no EXIF", g().transpose(Image.ROTATE_270))
    save("rotated-02.jpg", ["rotated"], "upside down, no EXIF", g().transpose(Image.ROTATE_180))
    save("rotated-03.jpg", ["rotated"], "turned 90 degrees anticlockwise, no EXIF", g().transpose(Image.ROTATE_90))

    # More than one person.
    two = plain(1200, 900)
    place(two, face_w=200, cx=330, eyes=360)
    place(two, face_w=200, cx=870, eyes=360, mirror=True)
    save("two-faces-01.jpg", ["two_faces"], "two people side by side, 1200x900", to_image(two))
    two = plain(960, 960)
    place(two, face_w=150, cx=700, eyes=300, mirror=True)
    place(two, face_w=240, cx=380, eyes=400)
    save("two-faces-02.jpg", ["two_faces"], "a second person behind, face 150 px beside a 240 px one", to_image(two))
    two = plain(960, 960)
    place(two, face_w=240, cx=300, eyes=380)
    place(two, face_w=230, cx=660, eyes=400, mirror=True)
    save("two-faces-03.jpg", ["two_faces"], "two people close together, 960x960", to_image(two))

    # Too small for a 480x640 photo, or below the spec's resolution.
    save("too-small-01.jpg", ["face_too_small"], "face 84 px in 720x960 (far away)", g(face_w=84))
    save("too-small-02.jpg", ["face_too_small"], "the whole photo 240x320", g().resize((240, 320), Image.LANCZOS))
    save("low-res-01.jpg", ["low_resolution"], "the whole photo 360x480 (face 121 px)", g().resize((360, 480), Image.LANCZOS))
    save("low-res-02.jpg", ["low_resolution"], "the whole photo 420x560 (face 141 px)", g().resize((420, 560), Image.LANCZOS))
    save("low-res-03.jpg", ["low_resolution"], "face 165 px in 720x960 (a frame of 330x440 source pixels)", g(face_w=165))

    # The spec frame does not fit around the head.
    save("off-centre-01.jpg", ["off_centre"], "face 250 px left of centre", g(cx=110))
    save("off-centre-02.jpg", ["off_centre"], "face 260 px right of centre", g(cx=620))
    save("off-centre-03.jpg", ["off_centre"], "half out at the right edge", g(cx=700))
    save("head-cut-01.jpg", ["head_cut_off"], "top of the head cut off by the top edge", g(eyes=150))
    save("head-cut-02.jpg", ["head_cut_off"], "hair touching the top edge", g(eyes=200))
    save("head-cut-03.jpg", ["head_cut_off"], "face low in the picture, shoulders cut off (eyes at 78 %)", g(eyes=750))

    # Background.
    for i, (colour, what) in enumerate([
        ((250, 250, 250), "white"),
        ((200, 200, 200), "light grey"),
        ((215, 30, 40), "red"),
        ((30, 60, 140), "dark blue"),
        ((232, 218, 192), "beige"),
        ((120, 200, 120), "green"),
        ((245, 200, 215), "pale pink"),
        ((240, 220, 90), "yellow"),
    ], 1):
        save(f"background-{i:02}.jpg", ["background_not_blue"], f"background {what} {colour}", g(bg=colour))
    save("background-09.jpg", ["background_not_blue", "uneven_background"], "a brick wall (scikit-image's brick.png)", to_image(portrait(bg=texture("brick.png", 720, 960) * 1.0 + 40)))
    save("background-10.jpg", ["background_not_blue"], "navy to dark blue gradient", to_image(portrait(bg=gradient(720, 960, (20, 40, 110), (40, 70, 150)))))
    save("uneven-01.jpg", ["uneven_background"], "light blue, strong left-to-right fall-off (150,220,255) to (40,120,190)", to_image(portrait(bg=gradient(720, 960, (150, 220, 255), (40, 120, 190)))))
    shadow = plain(720, 960)
    shadow *= 1 - 0.55 * face_region(960, 720, 520, 330, 300)[..., None]
    save("uneven-02.jpg", ["uneven_background"], "light blue with a dark shadow beside the head", to_image(portrait(bg=shadow)))
    save("uneven-03.jpg", ["uneven_background"], "light-blue textured wall (gravel.png tinted blue)", to_image(portrait(bg=texture("gravel.png", 720, 960, tint=BLUE))))
    objects = plain(720, 960)
    objects[40:330, 20:200] = (150, 90, 50)
    objects[60:200, 560:700] = (240, 240, 240)
    save("uneven-04.jpg", ["uneven_background"], "light blue with a brown cupboard and a white poster behind", to_image(portrait(bg=objects)))

    # Light.
    lit = face_region(960, 720, 360, 384, 242)[..., None]
    save("dark-01.jpg", ["too_dark"], "face in shadow (face x0.35, background as is)", to_image(portrait() * (1 - 0.65 * lit)))
    save("dark-02.jpg", ["too_dark", "background_not_blue"], "everything x0.25", to_image(portrait() * 0.25))
    save("dark-03.jpg", ["too_dark"], "face in shadow (face x0.45)", to_image(portrait() * (1 - 0.55 * lit)))
    save("bright-01.jpg", ["too_bright"], "glare on the face (face x1.9)", to_image(portrait() * (1 + 0.9 * lit)))
    save("bright-02.jpg", ["too_bright", "background_not_blue"], "everything x1.8 (background washed out)", to_image(portrait() * 1.8))
    save("bright-03.jpg", ["too_bright"], "strong light on the face (face +110)", to_image(portrait() + 110 * lit))

    # Focus.
    base = g()
    save("blurred-01.jpg", ["blurred"], "Gaussian blur sigma 4", to_image(ndimage.gaussian_filter(np.asarray(base).astype(np.float32), (4, 4, 0))))
    save("blurred-02.jpg", ["blurred"], "Gaussian blur sigma 8", to_image(ndimage.gaussian_filter(np.asarray(base).astype(np.float32), (8, 8, 0))))
    save("blurred-03.jpg", ["blurred"], "horizontal motion blur, 25 px", to_image(ndimage.uniform_filter1d(np.asarray(base).astype(np.float32), 25, axis=1)))

    # Colour.
    save("greyscale-01.jpg", ["greyscale", "background_not_blue"], "8-bit greyscale JPEG", g().convert("L"))
    save("greyscale-02.jpg", ["greyscale", "background_not_blue"], "colour JPEG, all channels equal (black-and-white filter)", g().convert("L").convert("RGB"))
    sep = np.asarray(g().convert("L")).astype(np.float32)[..., None] * np.array([1.07, 0.74, 0.43], np.float32)
    save("greyscale-03.jpg", ["greyscale", "background_not_blue"], "sepia filter", to_image(sep))

    # Pose.
    save("tilted-01.jpg", ["tilted"], "head tilted 15 degrees", g(angle=15))
    save("tilted-02.jpg", ["tilted"], "head tilted -20 degrees", g(angle=-20))
    save("tilted-03.jpg", ["tilted"], "head tilted 25 degrees", g(angle=25))

    # Clothes (the suit below the neck recoloured, its shading kept).
    suit = SUBJECT.copy()
    grey = suit.mean(2, keepdims=True) / 160.0
    below = np.zeros(ALPHA.shape, bool)
    below[190:, :] = True
    orange = below & (SUBJECT[..., 0] > SUBJECT[..., 2] + 60)
    for i, (colour, what) in enumerate([((105, 200, 250), "sky blue"), ((154, 205, 50), "yellow-green")], 1):
        dyed = suit.copy()
        dyed[orange] = (grey * np.array(colour, np.float32))[orange]
        save(f"clothing-{i:02}.jpg", ["clothing_like_background" if i == 1 else "clothing_yellow_green"], f"the suit dyed {what}", to_image(portrait(rgb=dyed)))

    with open(os.path.join(HERE, "labels.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["file", "labels", "how it was made"])
        w.writerows(ENTRIES)
    print(len(ENTRIES), "images")


if __name__ == "__main__":
    main()
