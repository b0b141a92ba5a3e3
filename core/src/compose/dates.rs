//! Dates as each language writes them: month and weekday names per language (jiff's
//! `strftime` knows only English ones), in the order and with the words the language uses.

use crate::model::Language;
use jiff::civil::{Date, DateTime, Weekday};

#[rustfmt::skip]
const MONTHS: [(Language, [&str; 12]); 6] = [
    (Language::En, ["January", "February", "March", "April", "May", "June", "July", "August",
                    "September", "October", "November", "December"]),
    (Language::Fr, ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                    "septembre", "octobre", "novembre", "décembre"]),
    (Language::De, ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                    "September", "Oktober", "November", "Dezember"]),
    (Language::Es, ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                    "septiembre", "octubre", "noviembre", "diciembre"]),
    (Language::Pt, ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho",
                    "agosto", "setembro", "outubro", "novembro", "dezembro"]),
    (Language::It, ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio",
                    "agosto", "settembre", "ottobre", "novembre", "dicembre"]),
];

/// Monday first.
#[rustfmt::skip]
const WEEKDAYS: [(Language, [&str; 7]); 6] = [
    (Language::En, ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]),
    (Language::Fr, ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]),
    (Language::De, ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag",
                    "Sonntag"]),
    (Language::Es, ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]),
    (Language::Pt, ["segunda-feira", "terça-feira", "quarta-feira", "quinta-feira",
                    "sexta-feira", "sábado", "domingo"]),
    (Language::It, ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato",
                    "domenica"]),
];

fn month(language: Language, date: Date) -> &'static str {
    let names = MONTHS
        .iter()
        .find(|(l, _)| *l == language)
        .map_or(&MONTHS[0].1, |(_, n)| n);
    let i = usize::try_from(date.month() - 1).unwrap_or(0);
    names.get(i).copied().unwrap_or_default()
}

fn weekday(language: Language, date: Date) -> &'static str {
    let names = WEEKDAYS
        .iter()
        .find(|(l, _)| *l == language)
        .map_or(&WEEKDAYS[0].1, |(_, n)| n);
    let i = match date.weekday() {
        Weekday::Monday => 0,
        Weekday::Tuesday => 1,
        Weekday::Wednesday => 2,
        Weekday::Thursday => 3,
        Weekday::Friday => 4,
        Weekday::Saturday => 5,
        Weekday::Sunday => 6,
    };
    names.get(i).copied().unwrap_or_default()
}

/// A letter's date: "27 November 2026" ("November 27, 2026" with `us`), "27 novembre 2026",
/// "27. November 2026", "27 de noviembre de 2026", "27 de novembro de 2026",
/// "27 novembre 2026".
pub fn long_date(language: Language, date: Date, us: bool) -> String {
    let (d, m, y) = (date.day(), month(language, date), date.year());
    match language {
        Language::En if us => format!("{m} {d}, {y}"),
        Language::En | Language::Fr | Language::It => format!("{d} {m} {y}"),
        Language::De => format!("{d}. {m} {y}"),
        Language::Es | Language::Pt => format!("{d} de {m} de {y}"),
    }
}

/// A day as the call says it: "Friday 27 November", "vendredi 27 novembre", "Freitag, 27.
/// November", "viernes 27 de noviembre", "dia 27 de novembro" (read after "no"), "venerdì 27
/// novembre".
pub fn spoken_day(language: Language, date: Date) -> String {
    let (w, d, m) = (weekday(language, date), date.day(), month(language, date));
    match language {
        Language::En | Language::Fr | Language::It => format!("{w} {d} {m}"),
        Language::De => format!("{w}, {d}. {m}"),
        Language::Es => format!("{w} {d} de {m}"),
        Language::Pt => format!("dia {d} de {m}"),
    }
}

/// An interview time: "Tuesday 2 December 2026 at 14:00", "mardi 2 décembre 2026 à 14 h 00",
/// "Dienstag, 2. Dezember 2026 um 14:00 Uhr", "martes 2 de diciembre de 2026 a las 14:00",
/// "terça-feira, 2 de dezembro de 2026, às 14h00", "martedì 2 dicembre 2026 alle 14:00".
pub fn date_time(language: Language, at: DateTime) -> String {
    let date = at.date();
    let (h, min) = (at.hour(), at.minute());
    let w = weekday(language, date);
    let day = long_date(language, date, false);
    match language {
        Language::En => format!("{w} {day} at {h:02}:{min:02}"),
        Language::Fr => format!("{w} {day} à {h} h {min:02}"),
        Language::De => format!("{w}, {day} um {h:02}:{min:02} Uhr"),
        Language::Es => format!("{w} {day} a las {h:02}:{min:02}"),
        Language::Pt => format!("{w}, {day}, às {h:02}h{min:02}"),
        Language::It => format!("{w} {day} alle {h:02}:{min:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn each_language_writes_its_own_dates() {
        let d = date(2026, 11, 27);
        let at = d.at(14, 0, 0, 0);
        let expected = [
            (
                Language::En,
                "27 November 2026",
                "Friday 27 November",
                "Friday 27 November 2026 at 14:00",
            ),
            (
                Language::Fr,
                "27 novembre 2026",
                "vendredi 27 novembre",
                "vendredi 27 novembre 2026 à 14 h 00",
            ),
            (
                Language::De,
                "27. November 2026",
                "Freitag, 27. November",
                "Freitag, 27. November 2026 um 14:00 Uhr",
            ),
            (
                Language::Es,
                "27 de noviembre de 2026",
                "viernes 27 de noviembre",
                "viernes 27 de noviembre de 2026 a las 14:00",
            ),
            (
                Language::Pt,
                "27 de novembro de 2026",
                "dia 27 de novembro",
                "sexta-feira, 27 de novembro de 2026, às 14h00",
            ),
            (
                Language::It,
                "27 novembre 2026",
                "venerdì 27 novembre",
                "venerdì 27 novembre 2026 alle 14:00",
            ),
        ];
        for (language, long, spoken, time) in expected {
            assert_eq!(long_date(language, d, false), long);
            assert_eq!(spoken_day(language, d), spoken);
            assert_eq!(date_time(language, at), time);
        }
        assert_eq!(long_date(Language::En, d, true), "November 27, 2026");
    }
}
