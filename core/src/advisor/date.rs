//! Calendar dates parsed by hand: core has no clock and no date crate, and the advisor only
//! needs to know whether a review is more than a year older than today.

/// A validated calendar date (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// Parses exactly `YYYY-MM-DD`; anything else (other separators, out-of-range month or
    /// day, 30 February, surrounding text) is `None`, so callers can treat the age as unknown.
    pub(crate) fn parse(s: &str) -> Option<Self> {
        let b = s.trim().as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year = digits(&b[0..4])?;
        let month = digits(&b[5..7])?;
        let day = digits(&b[8..10])?;
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Self {
            year: u16::try_from(year).ok()?,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok()?,
        })
    }

    /// True when `self` lies more than one calendar year before `today`: the same day one
    /// year later is still before today. Comparing (year + 1, month, day) tuples avoids
    /// counting days, and 29 February simply compares after 28 February.
    pub(crate) fn more_than_a_year_before(self, today: Self) -> bool {
        (u32::from(self.year) + 1, self.month, self.day)
            < (u32::from(today.year), today.month, today.day)
    }
}

/// Parses ASCII digits only (no sign, no spaces) into a number.
fn digits(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |acc, &c| {
        c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
    })
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn is_leap(year: u32) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).expect("valid date")
    }

    #[test]
    fn parses_valid_dates_and_leap_days() {
        assert!(Date::parse("2025-01-31").is_some());
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2000-02-29").is_some());
    }

    #[test]
    fn refuses_malformed_dates_without_panicking() {
        for bad in [
            "",
            "2025",
            "2025-1-01",
            "2025/01/01",
            "2025-13-01",
            "2025-00-10",
            "2025-04-31",
            "2023-02-29",
            "1900-02-29",
            "20x5-01-01",
            "+025-01-01",
            "2025-01-01x",
            "٢٠٢٥-01-01",
            "2025-01-é",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_year_is_a_calendar_year() {
        let today = d("2025-06-15");
        assert!(d("2024-06-14").more_than_a_year_before(today));
        assert!(!d("2024-06-15").more_than_a_year_before(today));
        assert!(!d("2025-01-01").more_than_a_year_before(today));
        assert!(!d("2025-07-01").more_than_a_year_before(today));
        assert!(d("2024-02-29").more_than_a_year_before(d("2025-03-01")));
        assert!(!d("2024-02-29").more_than_a_year_before(d("2025-02-28")));
    }
}
