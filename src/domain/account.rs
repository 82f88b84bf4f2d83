//! Accounts: staff roles and who is behind an authenticated request.
use std::fmt;

/// A staff role. Students are not staff; they log in with WeChat.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, poem_openapi::Enum, serde::Serialize, serde::Deserialize,
)]
#[oai(rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum StaffRole {
    /// Graduate School (研究生院): runs the campaign, sees every unit.
    Admin,
    /// A training unit's graduate secretary (培养单位研究生秘书): sees one unit.
    UnitSecretary,
    /// On-site collection staff: check-in and marking only.
    Onsite,
    /// International students office (留学生办公室).
    IntlOffice,
}

impl StaffRole {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::UnitSecretary => "unit_secretary",
            Self::Onsite => "onsite",
            Self::IntlOffice => "intl_office",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            Self::Admin,
            Self::UnitSecretary,
            Self::Onsite,
            Self::IntlOffice,
        ]
        .into_iter()
        .find(|r| r.as_str() == s)
    }
}

/// A training unit's code, e.g. `CS` or `MED-5`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct UnitCode(String);

impl UnitCode {
    pub fn parse(s: &str) -> Result<Self, String> {
        let s = s.trim();
        let ok = (1..=32).contains(&s.len())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if ok {
            Ok(Self(s.to_owned()))
        } else {
            Err(
                "单位代码须为 1–32 位字母、数字、- 或 _ (unit code: 1-32 of A-Z a-z 0-9 - _)"
                    .into(),
            )
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for UnitCode {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Self::parse(&s)
    }
}

impl From<UnitCode> for String {
    fn from(c: UnitCode) -> String {
        c.0
    }
}

/// A role together with what it is scoped to: a secretary always has a unit,
/// and no other role has one.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "role", rename_all = "snake_case")]
pub enum StaffAssignment {
    Admin,
    UnitSecretary { unit: UnitCode },
    Onsite,
    IntlOffice,
}

impl StaffAssignment {
    pub fn new(role: StaffRole, unit: Option<UnitCode>) -> Result<Self, String> {
        match (role, unit) {
            (StaffRole::UnitSecretary, Some(unit)) => Ok(Self::UnitSecretary { unit }),
            (StaffRole::UnitSecretary, None) => {
                Err("培养单位秘书必须指定所属单位 (a unit secretary needs a unit code)".into())
            }
            (_, Some(_)) => {
                Err("只有培养单位秘书可以指定单位 (only a unit secretary has a unit)".into())
            }
            (StaffRole::Admin, None) => Ok(Self::Admin),
            (StaffRole::Onsite, None) => Ok(Self::Onsite),
            (StaffRole::IntlOffice, None) => Ok(Self::IntlOffice),
        }
    }

    pub fn role(&self) -> StaffRole {
        match self {
            Self::Admin => StaffRole::Admin,
            Self::UnitSecretary { .. } => StaffRole::UnitSecretary,
            Self::Onsite => StaffRole::Onsite,
            Self::IntlOffice => StaffRole::IntlOffice,
        }
    }

    pub fn unit(&self) -> Option<&UnitCode> {
        match self {
            Self::UnitSecretary { unit } => Some(unit),
            _ => None,
        }
    }
}

/// A staff login name: 3–64 of a-z 0-9 . _ -, compared case-insensitively.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Username(String);

impl Username {
    pub fn parse(s: &str) -> Result<Self, String> {
        let s = s.trim().to_ascii_lowercase();
        let ok = (3..=64).contains(&s.len())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
        if ok {
            Ok(Self(s))
        } else {
            Err("用户名须为 3–64 位字母、数字、. _ - (username: 3-64 of a-z 0-9 . _ -)".into())
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A new staff password: 10–128 characters. Not `Debug`-printable in full.
pub struct Password(String);

impl Password {
    pub const MIN_CHARS: usize = 10;
    pub const MAX_CHARS: usize = 128;

    pub fn parse(s: &str) -> Result<Self, String> {
        let n = s.chars().count();
        if (Self::MIN_CHARS..=Self::MAX_CHARS).contains(&n) {
            Ok(Self(s.to_owned()))
        } else {
            Err(format!(
                "密码长度须为 {}–{} 个字符 (password: {}-{} characters)",
                Self::MIN_CHARS,
                Self::MAX_CHARS,
                Self::MIN_CHARS,
                Self::MAX_CHARS
            ))
        }
    }

    /// zxcvbn's score (0–4) a chosen password must reach: 3 is "safely
    /// unguessable", about 10^10 guesses.
    pub const MIN_SCORE: u8 = 3;

    /// A password a person chooses: long enough and, by zxcvbn's estimate,
    /// not guessable (repeats, keyboard walks, common words and names,
    /// dates, the username itself).
    pub fn parse_chosen(s: &str, username: &str) -> Result<Self, String> {
        let password = Self::parse(s)?;
        // The username and its parts (`sec` and `cs` of `sec.cs`) count as known words.
        let known: Vec<&str> = std::iter::once(username)
            .chain(username.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .collect();
        let estimate = zxcvbn::zxcvbn(s, &known);
        if u8::from(estimate.score()) >= Self::MIN_SCORE {
            return Ok(password);
        }
        let why = estimate
            .feedback()
            .and_then(|f| f.warning())
            .map(|w| format!(": {w}"))
            .unwrap_or_default();
        Err(format!(
            "密码太容易被猜到，请换一个更长、不含用户名、常见词和重复字符的密码 \
             (password too easy to guess{why})"
        ))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(***)")
    }
}

/// Who is behind an authenticated request.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Principal {
    Student {
        student_id: i64,
    },
    Staff {
        staff_id: i64,
        assignment: StaffAssignment,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secretary_needs_exactly_a_unit() {
        let unit = UnitCode::parse("CS").unwrap();
        assert!(StaffAssignment::new(StaffRole::UnitSecretary, None).is_err());
        assert!(StaffAssignment::new(StaffRole::Admin, Some(unit.clone())).is_err());
        let a = StaffAssignment::new(StaffRole::UnitSecretary, Some(unit.clone())).unwrap();
        assert_eq!(a.unit(), Some(&unit));
        assert_eq!(a.role(), StaffRole::UnitSecretary);
        assert_eq!(
            StaffAssignment::new(StaffRole::Onsite, None)
                .unwrap()
                .unit(),
            None
        );
    }

    #[test]
    fn roles_round_trip_through_text() {
        for r in [
            StaffRole::Admin,
            StaffRole::UnitSecretary,
            StaffRole::Onsite,
            StaffRole::IntlOffice,
        ] {
            assert_eq!(StaffRole::parse(r.as_str()), Some(r));
        }
        assert_eq!(StaffRole::parse("root"), None);
    }

    #[test]
    fn usernames_are_normalised_and_checked() {
        assert_eq!(
            Username::parse("  Zhang.San ").unwrap().as_str(),
            "zhang.san"
        );
        for bad in ["ab", "has space", "名字名字", &"x".repeat(65), ""] {
            assert!(Username::parse(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn passwords_have_length_bounds_and_hidden_debug() {
        assert!(Password::parse("short").is_err());
        assert!(Password::parse(&"x".repeat(129)).is_err());
        let p = Password::parse("长密码也可以用中文字符").unwrap();
        // Chosen passwords must also be hard to guess.
        for weak in [
            "xxxxxxxxxxxx",
            "password1234",
            "qwertyuiop123",
            "1234567890",
            "sec.cs2024!",
            "sunshine1990",
        ] {
            let err = Password::parse_chosen(weak, "sec.cs").expect_err(weak);
            assert!(err.contains("太容易被猜到"), "{weak}: {err}");
        }
        assert!(
            Password::parse_chosen("short", "x")
                .unwrap_err()
                .contains("10–128")
        );
        for strong in [
            "correct horse battery staple",
            "Lz7#qv-Tn2mR-Yw9",
            "研究生院相片采集很顺利吧",
        ] {
            assert!(Password::parse_chosen(strong, "sec.cs").is_ok(), "{strong}");
        }
        assert_eq!(format!("{p:?}"), "Password(***)");
    }

    #[test]
    fn unit_codes_are_checked() {
        assert!(UnitCode::parse("MED-5").is_ok());
        assert!(UnitCode::parse("").is_err());
        assert!(UnitCode::parse("a b").is_err());
        assert!(UnitCode::parse(&"X".repeat(33)).is_err());
    }

    #[test]
    fn principal_serialises_for_the_cache() {
        let p = Principal::Staff {
            staff_id: 7,
            assignment: StaffAssignment::UnitSecretary {
                unit: UnitCode::parse("CS").unwrap(),
            },
        };
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(serde_json::from_str::<Principal>(&json).unwrap(), p);
        assert!(serde_json::from_str::<Principal>(r#"{"kind":"staff","staff_id":1,"assignment":{"role":"unit_secretary","unit":"bad code"}}"#).is_err());
    }
}
