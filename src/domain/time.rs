//! Times are stored in UTC and shown to people in Asia/Shanghai.
use chrono::{DateTime, FixedOffset, SubsecRound, Utc};

/// China has used UTC+8 all year since 1991, so a fixed offset is exact.
pub fn shanghai() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).expect("+08:00 is a valid offset")
}

/// Whole seconds: people do not need more, and it keeps payloads tidy.
pub fn to_shanghai(t: DateTime<Utc>) -> DateTime<FixedOffset> {
    t.trunc_subsecs(0).with_timezone(&shanghai())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_utc_midnight_as_eight_in_the_morning() {
        let t = DateTime::parse_from_rfc3339("2024-03-30T00:00:00.75Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(to_shanghai(t).to_rfc3339(), "2024-03-30T08:00:00+08:00");
    }
}
