//! The time of day, the user's time zone and business days.
//!
//! The core crate has no clock: actions take "now" from here. `BOWOUT_NOW` (RFC 3339 or Unix
//! seconds) pins the clock, so scripts and tests can replay a week in a second.

use anyhow::{Context, Result, bail};
use jiff::Timestamp;
use jiff::civil::{Date, Weekday};
use jiff::tz::TimeZone;

/// Unix seconds as an instant, for output (RFC 3339 when serialised). Seconds outside
/// jiff's range (years before -9999 or after 9999) cannot come from the clock or from mail
/// dates the store accepts; they read as the Unix epoch.
pub fn timestamp(unix: i64) -> Timestamp {
    Timestamp::from_second(unix).unwrap_or(Timestamp::UNIX_EPOCH)
}

#[derive(Debug, Clone)]
pub struct Clock {
    fixed: Option<Timestamp>,
    pub tz: TimeZone,
    holidays: Vec<Date>,
}

impl Clock {
    /// `fixed`: the value of `BOWOUT_NOW`, if set. `tz`: an IANA name, or the system's zone.
    pub fn new(fixed: Option<&str>, tz: Option<&str>, holidays: &[String]) -> Result<Self> {
        let fixed = fixed.map(parse_instant).transpose().context("BOWOUT_NOW")?;
        let tz = match tz {
            Some(name) => zone(name).map_err(|e| anyhow::anyhow!("{e} ([agenda] timezone)"))?,
            None => TimeZone::system(),
        };
        let holidays = holidays
            .iter()
            .map(|h| {
                h.parse::<Date>()
                    .with_context(|| format!("holiday {h:?} is not a YYYY-MM-DD date"))
            })
            .collect::<Result<_>>()?;
        Ok(Self {
            fixed,
            tz,
            holidays,
        })
    }

    pub fn now(&self) -> i64 {
        self.fixed.unwrap_or_else(Timestamp::now).as_second()
    }

    /// Today's date in the user's time zone.
    pub fn today(&self) -> Date {
        self.date_of(self.now())
    }

    pub fn date_of(&self, unix: i64) -> Date {
        timestamp(unix).to_zoned_datetime(self.tz.clone()).date()
    }

    /// A Unix time as the user reads it: `2026-11-27 14:05`.
    pub fn display(&self, unix: i64) -> String {
        timestamp(unix)
            .to_zoned_datetime(self.tz.clone())
            .strftime("%Y-%m-%d %H:%M")
            .to_string()
    }

    pub fn is_business_day(&self, d: Date) -> bool {
        !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday) && !self.holidays.contains(&d)
    }

    /// Business days from `from` (exclusive) to `to` (inclusive); 0 when `to` is not later.
    pub fn business_days_between(&self, from: Date, to: Date) -> i64 {
        let mut n = 0;
        let mut d = from;
        while d < to {
            let Ok(next) = d.tomorrow() else { break };
            d = next;
            if self.is_business_day(d) {
                n += 1;
            }
        }
        n
    }

    /// The `n`th business day after `from`.
    pub fn add_business_days(&self, from: Date, n: u32) -> Date {
        let mut d = from;
        let mut left = n;
        while left > 0 {
            let Ok(next) = d.tomorrow() else { break };
            d = next;
            if self.is_business_day(d) {
                left -= 1;
            }
        }
        d
    }
}

/// The time zone with this IANA name; an unknown name is an error that suggests the
/// nearest known one ("unknown time zone \"Europe/Berln\"; did you mean Europe/Berlin?").
pub fn zone(name: &str) -> Result<TimeZone, String> {
    TimeZone::get(name).map_err(|_| match nearest_zone(name) {
        Some(near) => format!("unknown time zone {name:?}; did you mean {near}?"),
        None => format!("unknown time zone {name:?} (an IANA name such as Europe/Berlin)"),
    })
}

/// The known zone name nearest to `name`: the fewest edits (case aside) over the whole
/// name, or over the city alone ("Berlin" → Europe/Berlin); none when every one is far.
fn nearest_zone(name: &str) -> Option<String> {
    let wanted = name.trim().to_lowercase();
    if wanted.is_empty() {
        return None;
    }
    let allowed = (wanted.chars().count() / 4).clamp(1, 3);
    jiff::tz::db()
        .available()
        .filter_map(|known| {
            let lower = known.as_str().to_lowercase();
            let city = lower.rsplit('/').next().unwrap_or(&lower);
            let edits = strsim::levenshtein(&wanted, &lower)
                .min(strsim::levenshtein(&wanted, city).saturating_add(1));
            (edits <= allowed).then(|| (edits, known.as_str().to_string()))
        })
        .min()
        .map(|(_, known)| known)
}

/// RFC 3339 (`2026-11-27T09:00:00Z`) or Unix seconds.
pub fn parse_instant(s: &str) -> Result<Timestamp> {
    let s = s.trim();
    if let Ok(secs) = s.parse::<i64>() {
        return Timestamp::from_second(secs).context("out of range");
    }
    match s.parse::<Timestamp>() {
        Ok(t) => Ok(t),
        Err(_) => bail!("{s:?} is neither RFC 3339 (2026-11-27T09:00:00Z) nor Unix seconds"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clock(holidays: &[&str]) -> Clock {
        let h: Vec<String> = holidays.iter().map(|s| s.to_string()).collect();
        Clock::new(Some("2026-11-27T12:00:00Z"), Some("UTC"), &h).expect("clock")
    }

    #[test]
    fn fixed_clock_and_today() {
        let c = clock(&[]);
        assert_eq!(c.today().to_string(), "2026-11-27");
        assert_eq!(c.display(c.now()), "2026-11-27 12:00");
    }

    #[test]
    fn business_days_skip_weekends_and_holidays() {
        let c = clock(&["2026-11-30"]);
        let fri: Date = "2026-11-27".parse().expect("date");
        // Mon 30 is a holiday, so the next business day is Tue 1 Dec.
        assert_eq!(c.add_business_days(fri, 1).to_string(), "2026-12-01");
        let wed: Date = "2026-12-02".parse().expect("date");
        assert_eq!(c.business_days_between(fri, wed), 2);
        assert_eq!(c.business_days_between(wed, fri), 0);
    }

    #[test]
    fn bad_inputs_are_errors() {
        assert!(Clock::new(Some("yesterday"), None, &[]).is_err());
        assert!(Clock::new(None, Some("Mars/Olympus"), &[]).is_err());
        assert!(Clock::new(None, None, &["2026-13-01".into()]).is_err());
    }

    #[test]
    fn unknown_zones_suggest_the_nearest() {
        let err = zone("Europe/Berln").expect_err("unknown");
        assert!(err.ends_with("did you mean Europe/Berlin?"), "{err}");
        assert_eq!(nearest_zone("berlin").as_deref(), Some("Europe/Berlin"));
        assert_eq!(nearest_zone("Mars/Olympus"), None);
        assert!(zone("Europe/Berlin").is_ok());
    }
}
