//! What a student types about themselves: the CHSI collection code and the
//! ID-document suffix that binding may ask for.

/// Characters that print nothing or reorder text: format characters
/// (zero-width spaces and joiners, bidi controls, the BOM, soft hyphen,
/// invisible operators, tags), variation selectors, line separators and
/// blank fillers. Pasted from a web page they make two codes look the same.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{FFF9}'..='\u{FFFB}' | '\u{E0000}'..='\u{E0FFF}')
}

/// A CHSI image collection code as the student saved it: trimmed, 1–512
/// printable characters (no control characters, nothing invisible).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CollectionCode(String);

impl CollectionCode {
    pub const MAX_CHARS: usize = 512;

    pub fn parse(s: &str) -> Result<Self, String> {
        let code = s.trim();
        if code.is_empty() || code.chars().count() > Self::MAX_CHARS {
            return Err(format!(
                "图像采集码不能为空且不超过 {} 个字符 (collection code: 1-{} characters)",
                Self::MAX_CHARS,
                Self::MAX_CHARS
            ));
        }
        if code.chars().any(|c| c.is_control() || is_invisible(c)) {
            return Err(
                "图像采集码含有换行、控制字符或不可见字符，请从学信网重新复制 \
                        (collection code: control or invisible characters)"
                    .into(),
            );
        }
        Ok(Self(code.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The last characters of a student's ID document as the roster has them
/// (证件号后六位): 4–6 letters or digits, compared without case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdSuffix(String);

impl IdSuffix {
    pub fn parse(s: &str) -> Result<Self, String> {
        let suffix = s.trim().to_ascii_uppercase();
        if (4..=6).contains(&suffix.len()) && suffix.chars().all(|c| c.is_ascii_alphanumeric()) {
            Ok(Self(suffix))
        } else {
            Err("证件号后六位须为 4–6 位字母或数字 (id_suffix: 4-6 letters or digits)".into())
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_printable_text() {
        assert_eq!(
            CollectionCode::parse("  AB12-cd34 ").unwrap().as_str(),
            "AB12-cd34"
        );
        assert_eq!(
            CollectionCode::parse("采集码 1").unwrap().as_str(),
            "采集码 1"
        );
        for bad in [
            "",
            "   ",
            "AB\0CD",
            "AB\u{1b}[31m",
            "AB\r\nCD",
            "AB\tCD",
            "AB\u{200B}CD",
            "\u{202E}DCBA",
            "AB\u{FEFF}",
            "A\u{2066}B",
            "A\u{00AD}B",
            "A\u{E0041}B",
        ] {
            assert!(CollectionCode::parse(bad).is_err(), "{bad:?}");
        }
        assert!(CollectionCode::parse(&"x".repeat(512)).is_ok());
        assert!(CollectionCode::parse(&"x".repeat(513)).is_err());
    }

    #[test]
    fn id_suffixes_are_a_few_letters_or_digits() {
        assert_eq!(IdSuffix::parse(" 12345x ").unwrap().as_str(), "12345X");
        assert_eq!(IdSuffix::parse("A123").unwrap().as_str(), "A123");
        for bad in ["", "123", "1234567", "12 34", "１２３４５６", "12345-"] {
            assert!(IdSuffix::parse(bad).is_err(), "{bad:?}");
        }
    }
}
