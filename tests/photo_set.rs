//! The automatic photo checks measured on the labelled set in
//! `tests/photo-set/` (what each label means and where the photos come from:
//! its README). For every check: how many photos labelled with a defect it
//! should catch it caught (recall), and how many of the photos it failed had
//! that defect (precision). The table is kept in `docs/makeup.md`
//! (`DP_UPDATE_PHOTO_SET=1 cargo test --test photo_set` rewrites it); the
//! test fails when the table there differs from the measurement, or a
//! target is missed: every CHSI-fatal defect refused, at least 95 % of the
//! good photos accepted (which includes their normalised 480×640
//! derivative passing its own checks).

use std::{collections::BTreeMap, fmt::Write, io::Cursor};

use diploma_photo::service::photo_check::{self, Analysis, Severity};

const SET: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/photo-set");
const DOC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/makeup.md");
const START: &str = "<!-- photo-set:start -->";
const END: &str = "<!-- photo-set:end -->";

/// The check that should catch each defect label; `None`: not checked.
const CAUGHT_BY: &[(&str, Option<&str>)] = &[
    ("no_face", Some("one_face")),
    ("rotated", Some("one_face")),
    ("two_faces", Some("one_face")),
    ("face_too_small", Some("resolution")),
    ("low_resolution", Some("resolution")),
    ("off_centre", Some("frame_room")),
    ("head_cut_off", Some("frame_room")),
    ("background_not_blue", Some("background")),
    ("uneven_background", Some("background_even")),
    ("too_dark", Some("exposure")),
    ("too_bright", Some("exposure")),
    ("blurred", Some("sharpness")),
    ("greyscale", Some("colour")),
    ("clothing_like_background", Some("clothing")),
    ("clothing_yellow_green", Some("clothing")),
    ("tilted", None),
];

/// Defects CHSI refuses a photo for: the upload must be refused at once.
const FATAL: &[&str] = &[
    "no_face",
    "rotated",
    "two_faces",
    "face_too_small",
    "low_resolution",
    "off_centre",
    "head_cut_off",
    "background_not_blue",
    "greyscale",
];

struct Photo {
    file: String,
    labels: Vec<String>,
    analysis: Analysis,
}

impl Photo {
    fn has(&self, label: &str) -> bool {
        self.labels.iter().any(|l| l == label)
    }

    /// `Some(failed)` when the check ran on this photo.
    fn failed(&self, check: &str) -> Option<bool> {
        self.analysis
            .checks
            .iter()
            .find(|c| c.check == check)
            .map(|c| !c.passed)
    }
}

fn load_set() -> Vec<Photo> {
    let labels = std::fs::read_to_string(format!("{SET}/labels.csv")).expect("labels.csv");
    labels
        .lines()
        .skip(1)
        .map(|line| {
            let mut fields = line.splitn(3, ',');
            let file = fields.next().expect("file").to_owned();
            let labels = fields
                .next()
                .expect("labels")
                .split(';')
                .map(str::to_owned)
                .collect();
            let bytes = std::fs::read(format!("{SET}/{file}")).expect("photo");
            let (image, format) =
                photo_check::decode(Cursor::new(bytes)).unwrap_or_else(|e| panic!("{file}: {e:?}"));
            Photo {
                analysis: photo_check::analyse(image, format),
                file,
                labels,
            }
        })
        .collect()
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        "–".to_owned()
    } else {
        format!("{:.0} %", 100.0 * part as f64 / whole as f64)
    }
}

/// The markdown tables of the measurement, and the targets missed.
fn measure(set: &[Photo]) -> (String, Vec<String>) {
    let mut missed = Vec::new();
    let mut out = String::new();
    let checks: Vec<(String, Severity)> = {
        let mut seen = BTreeMap::new();
        for photo in set {
            for c in &photo.analysis.checks {
                seen.entry(c.check.clone()).or_insert(c.severity);
            }
        }
        // Severity as a failure carries it (`resolution` fails as an error when far too small).
        for photo in set {
            for c in photo.analysis.checks.iter().filter(|c| !c.passed) {
                if c.severity == Severity::Error {
                    seen.insert(c.check.clone(), Severity::Error);
                }
            }
        }
        seen.into_iter().collect()
    };
    writeln!(
        out,
        "| check | severity | labelled photos it ran on | caught | failed a photo without its defect | precision | recall |\n|---|---|---|---|---|---|---|"
    )
    .unwrap();
    for (check, severity) in &checks {
        let targets: Vec<&str> = CAUGHT_BY
            .iter()
            .filter(|(_, by)| *by == Some(check.as_str()))
            .map(|(label, _)| *label)
            .collect();
        let (mut positives, mut caught, mut false_alarms, mut failed) = (0, 0, 0, 0);
        for photo in set {
            let Some(did_fail) = photo.failed(check) else {
                continue;
            };
            let labelled = targets.iter().any(|t| photo.has(t));
            positives += usize::from(labelled);
            caught += usize::from(labelled && did_fail);
            failed += usize::from(did_fail);
            if did_fail && !labelled {
                false_alarms += 1;
                println!("{check} failed {} ({:?})", photo.file, photo.labels);
            }
            if labelled && !did_fail {
                println!("{check} missed {} ({:?})", photo.file, photo.labels);
            }
        }
        let severity = match severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        writeln!(
            out,
            "| `{check}` | {severity} | {positives} | {caught} | {false_alarms} | {} | {} |",
            // A check no label calls for (`normalised`) has no precision.
            if targets.is_empty() {
                "–".to_owned()
            } else {
                percent(failed - false_alarms, failed)
            },
            percent(caught, positives),
        )
        .unwrap();
    }

    writeln!(
        out,
        "\n| label | photos | refused (an error failed) | flagged by its own check |\n|---|---|---|---|"
    )
    .unwrap();
    let mut labels: Vec<&str> = vec!["good", "exif_rotated"];
    labels.extend(CAUGHT_BY.iter().map(|(label, _)| *label));
    for label in labels {
        let with: Vec<&Photo> = set.iter().filter(|p| p.has(label)).collect();
        let refused = with.iter().filter(|p| !p.analysis.acceptable()).count();
        let own = CAUGHT_BY
            .iter()
            .find(|(l, _)| *l == label)
            .and_then(|(_, by)| *by);
        let flagged = match own {
            Some(check) => format!(
                "{} (`{check}`)",
                with.iter()
                    .filter(|p| p.failed(check) == Some(true))
                    .count()
            ),
            None => "not checked".to_owned(),
        };
        let fatal = if FATAL.contains(&label) {
            " (fatal)"
        } else {
            ""
        };
        writeln!(
            out,
            "| `{label}`{fatal} | {} | {refused} | {flagged} |",
            with.len()
        )
        .unwrap();
        if FATAL.contains(&label) && refused < with.len() {
            missed.push(format!("{label}: {refused}/{} refused", with.len()));
        }
        if label == "good" && (with.len() - refused) * 100 < with.len() * 95 {
            missed.push(format!(
                "good: {}/{} accepted",
                with.len() - refused,
                with.len()
            ));
        }
    }
    for photo in set
        .iter()
        .filter(|p| p.has("good") && !p.analysis.acceptable())
    {
        println!(
            "good photo refused: {} {:?}",
            photo.file, photo.analysis.checks
        );
    }
    (out, missed)
}

/// How many photos were cut, and those refused only because their
/// normalised 480×640 derivative failed its own checks (the `normalised`
/// check), with their labels.
fn normalised(set: &[Photo]) -> (usize, Vec<String>) {
    let cut = set
        .iter()
        .filter(|p| p.analysis.normalised.is_some())
        .count();
    let refused = set
        .iter()
        .filter(|p| p.failed("normalised") == Some(true))
        .map(|p| format!("`{}` ({})", p.file, p.labels.join(", ")))
        .collect();
    (cut, refused)
}

#[test]
fn the_checks_meet_their_targets_on_the_labelled_set() {
    let set = load_set();
    assert!(set.len() >= 60, "the set holds {} photos", set.len());
    let (tables, missed) = measure(&set);
    let (cut, recheck_failed) = normalised(&set);
    let report = format!(
        "{START}\n{tables}\nNormalised photos cut, each passing its own checks: {cut}. Refused because the derivative failed them although the photo passed: {}.\n{END}",
        if recheck_failed.is_empty() {
            "none".to_owned()
        } else {
            recheck_failed.join(", ")
        }
    );
    println!("{report}");
    assert!(missed.is_empty(), "targets missed: {missed:#?}");

    let doc = std::fs::read_to_string(DOC).unwrap();
    let (before, rest) = doc
        .split_once(START)
        .expect("docs/makeup.md has the marker");
    let (_, after) = rest
        .split_once(END)
        .expect("docs/makeup.md has the end marker");
    let updated = format!("{before}{report}{after}");
    if std::env::var_os("DP_UPDATE_PHOTO_SET").is_some() {
        std::fs::write(DOC, updated).unwrap();
    } else {
        assert!(
            updated == doc,
            "docs/makeup.md's photo-set table differs from the measurement; rerun with DP_UPDATE_PHOTO_SET=1"
        );
    }
}
