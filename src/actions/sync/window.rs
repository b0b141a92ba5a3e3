//! `--since`: how far back the first sync of a folder reads, as days (`30d`), weeks (`2w`)
//! or a date (`2026-11-01`).

use crate::actions::{ActionError, App, Result};
use jiff::civil::Date;

/// The longest window: ten years.
const MAX_DAYS: i64 = 3660;

/// The first day of the window `given` describes, in the user's time zone.
pub(super) fn start(app: &App, given: &str) -> Result<Date> {
    first_day(app.clock.today(), given)
}

fn first_day(today: Date, given: &str) -> Result<Date> {
    let g = given.trim();
    let bad = || {
        ActionError::BadInput(format!(
            "invalid --since {given:?}: give days (30d), weeks (2w) or a date (2026-11-01)"
        ))
    };
    if let Ok(date) = g.parse::<Date>() {
        if date > today {
            return Err(ActionError::BadInput(format!(
                "--since {date} is in the future; give a day up to today"
            )));
        }
        return Ok(date);
    }
    let unit = g.chars().next_back().ok_or_else(bad)?;
    let n: i64 = g[..g.len() - unit.len_utf8()].parse().map_err(|_| bad())?;
    let days = match unit {
        'd' | 'D' => n,
        'w' | 'W' => n.saturating_mul(7),
        _ => return Err(bad()),
    };
    if !(0..=MAX_DAYS).contains(&days) {
        return Err(ActionError::BadInput(format!(
            "--since {given:?} is out of range: up to {MAX_DAYS} days back"
        )));
    }
    today
        .checked_sub(jiff::Span::new().days(days))
        .map_err(|_| bad())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        s.parse().expect("date")
    }

    #[test]
    fn days_weeks_and_dates() {
        let today = day("2026-11-27");
        assert_eq!(first_day(today, "30d").expect("30d"), day("2026-10-28"));
        assert_eq!(first_day(today, "2w").expect("2w"), day("2026-11-13"));
        assert_eq!(first_day(today, " 0d ").expect("0d"), today);
        assert_eq!(
            first_day(today, "2026-11-01").expect("date"),
            day("2026-11-01")
        );
        for bad in [
            "",
            "d",
            "30",
            "30x",
            "-3d",
            "2026-12-01",
            "99999d",
            "1 month",
            "3é",
        ] {
            assert!(first_day(today, bad).is_err(), "{bad}");
        }
    }
}
