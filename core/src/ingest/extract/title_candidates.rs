//! Every phrase of a mail that may be its job title, with what is known of it: where it was
//! found (a subject segment, after a cue such as "the position of" or "vaga de", a labelled
//! line, before "role"), what it looks like (a head noun, its length and case) and hashed
//! words (its first and last word, the cue before it). [`super::ranker`] weighs them with
//! learned weights; the same phrases, with the labels of the corpus, are what it learned from.

use super::ranker::encode;
use super::title_shape::{drop_asides, drop_shouting, has_head, job_nouns};
use super::title_subject::{segments, strip_step_prefix};
use crate::ingest::lexicon::{CALENDAR, INTERVIEW};
use crate::ingest::read::mail::MailView;
use crate::ingest::read::text::{has_any, is_capitalized, lower_same_len, tidy_case};
use crate::model::{JobTitle, legal_form};

/// The named features, in the order of their indices; hashed words follow them.
#[rustfmt::skip]
pub const FEATURES: &[&str] = &[
    "rule", "subject", "subject_first", "subject_after_cue", "body_cut", "body_run",
    "labelled", "next_line", "before_noun", "forwarded", "quoted", "has_head", "words_1",
    "words_2", "words_3", "words_4_5", "words_6_8", "words_9_plus", "starts_upper",
    "all_capitalised", "lowercase", "has_digit", "interview_word", "calendar_word",
    "legal_form", "in_subject", "in_text", "seen_twice", "gender_marker", "slash_or_amp",
    "long", "question", "subject_whole",
];

/// Cues a title follows, lowercase, in the languages of the corpus.
#[rustfmt::skip]
const CUES: &[&str] = &[
    // en
    "position of ", "post of ", "role of ", "interview for ", "screen for ", "round for ",
    "application for ", "applied for ", "applying for ", "interest in ", "as a ", "as an ", "as ",
    "hire our first ", "calling the role ", "for the ", "for our ", "for a ", "for ",
    // de
    "stelle als ", "position als ", "bewerbung als ", "tätigkeit als ", "job als ", "als ",
    "für die stelle ", "für die position ", "stelle ", "position ",
    // fr
    "poste de ", "poste d'", "poste d’", "en tant que ", "pour le poste ", "au poste ",
    "candidature au ", "candidature pour ", "fonction de ", "emploi de ", "des ", "job de ",
    "candidature ", "candidatura ", "bewerbung ", "application ", "sollicitatie ",
    // es
    "puesto de ", "vacante de ", "cargo de ", "posición de ", "búsqueda de ", "la vacante ",
    "el puesto ", "como ", "para el ",
    // pt
    "vaga de ", "vaga para ", "função de ", "posição de ", "oportunidade de ", "a vaga ",
    "para a ", "como ",
    // it
    "posizione di ", "ruolo di ", "figura di ", "selezione per ", "per la posizione ",
    "posizione ", "come ", "per il ruolo ",
    // nl
    "functie van ", "functie als ", "de functie ", "vacature ", "voor de ", "als ",
    // pl
    "stanowisko ",
];

/// Words and marks that end a title in running text.
#[rustfmt::skip]
const STOPS: &[&str] = &[
    " with ", " at ", " in ", " on ", " for ", " which ", " that ", " and we ", " we ",
    " bei ", " in der ", " im ", " und ", " mit ", " zum ", " zur ", " am ", " ab ",
    " chez ", " au sein ", " à ", " dans ", " et ", " qui ", " pour ",
    " en ", " con ", " para ", " que ", " y ", " el ", " del ", " la ",
    " em ", " na ", " no ", " da ", " do ", " e ",
    " presso ", " con ", " nel ", " nella ", " e ", " di ", " a ",
    " bij ", " op ", " en ", " van ", " voor ", " met ",
    ". ", ", ", "; ", "! ", "? ", ":", "\n", "\t", " (ref", " - ", " – ", " — ", " | ",
];

/// Label words of a line that names the job ("Position:", "Stelle:", "Vaga:").
#[rustfmt::skip]
const LABEL_NOUNS: &[&str] = &[
    "job title", "position title", "position", "role", "title", "vacancy", "post", "job",
    "stelle", "stellenbezeichnung", "position", "poste", "intitulé du poste", "fonction",
    "puesto", "cargo", "vacante", "vaga", "função", "posizione", "ruolo", "functie",
    "vacature", "stanowisko", "opening",
];

/// One phrase that may be the title.
#[derive(Debug, Clone)]
pub struct TitleCand {
    pub title: JobTitle,
    /// `(index, value)`: a named feature's index in [`FEATURES`], or its count plus a bucket.
    pub features: Vec<(u32, f32)>,
}

struct Builder {
    cands: Vec<(String, Vec<&'static str>, Vec<String>)>,
}

impl Builder {
    fn add(&mut self, raw: &str, flags: &[&'static str], words: &[String]) {
        let Some(text) = tidy(raw) else {
            return;
        };
        let key = text.to_lowercase();
        match self
            .cands
            .iter_mut()
            .find(|(t, _, _)| t.to_lowercase() == key)
        {
            Some((_, f, w)) => {
                f.extend_from_slice(flags);
                f.push("seen_twice");
                w.extend_from_slice(words);
            }
            None => self.cands.push((text, flags.to_vec(), words.to_vec())),
        }
    }
}

/// A phrase as a title is written: quotes, stars and list marks off, shouting and asides
/// dropped, the case tidied. `None` when nothing of a title is left.
fn tidy(raw: &str) -> Option<String> {
    let t = raw.trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '*' | '"'
                    | '“'
                    | '”'
                    | '«'
                    | '»'
                    | '\''
                    | '‘'
                    | '’'
                    | ','
                    | ':'
                    | ';'
                    | '-'
                    | '–'
                    | '>'
                    | '•'
                    | '|'
                    | '!'
                    | '?'
            )
    });
    let t = t
        .strip_suffix('.')
        .filter(|s| !is_abbrev_end(s))
        .unwrap_or(t);
    let t = if t.ends_with(')') && !t.contains('(') {
        t.trim_end_matches(')')
    } else {
        t
    };
    let words = t.split_whitespace().count();
    if words == 0 || words > 12 || t.len() > 100 || !t.chars().any(char::is_alphabetic) {
        return None;
    }
    let tidied = tidy_case(&drop_asides(drop_shouting(t)));
    JobTitle::parse(&tidied)
        .ok()
        .map(|j| j.as_str().to_string())
}

/// "Sr.", "B.V.": a period that belongs to the last word.
fn is_abbrev_end(before: &str) -> bool {
    let last = before.rsplit(' ').next().unwrap_or("").to_lowercase();
    matches!(last.as_str(), "sr" | "jr" | "st" | "dr") || legal_form::is_abbreviation(&last)
}

/// The text after `cue` at `at`, cut at the first stop, and the capitalised run that starts
/// it (the two often differ: "Teamleider Expeditie bij ons in Venlo").
fn spans_after(text: &str, lower: &str, start: usize) -> (String, String) {
    let rest = &text[start..];
    let rest_lower = &lower[start..];
    let cut = STOPS
        .iter()
        .filter_map(|s| rest_lower.find(s))
        .filter(|&e| rest.is_char_boundary(e))
        .min()
        .unwrap_or_else(|| rest.floor_char_boundary(100));
    let cut_text = rest[..cut].trim().to_string();
    let mut run = Vec::new();
    for w in rest.split_whitespace().take(10) {
        let core = w.trim_matches(|c: char| !c.is_alphanumeric());
        let joins = matches!(
            core,
            "&" | "/" | "of" | "de" | "und" | "and" | "e" | "y" | "en"
        );
        if (is_capitalized(core) || core.chars().next().is_some_and(|c| c.is_ascii_digit()))
            || joins && !run.is_empty()
            || w == "/"
            || w == "&"
            || w == "-"
        {
            run.push(w);
            if w.ends_with([',', '.', ';', ':', '!', '?']) {
                break;
            }
        } else {
            break;
        }
    }
    (cut_text, run.join(" "))
}

fn from_cues(b: &mut Builder, text: &str, flags: &[&'static str]) {
    let lower = lower_same_len(text);
    for cue in CUES {
        let mut from = 0;
        let mut seen = 0;
        while let Some(i) = lower[from..].find(cue) {
            let at = from + i;
            let start = at + cue.len();
            from = start;
            // A cue must start a word.
            if at > 0
                && lower[..at]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            seen += 1;
            if seen > 4 {
                break;
            }
            let words = vec![format!("cue:{cue}")];
            let (cut, run) = spans_after(text, &lower, start);
            let mut f = flags.to_vec();
            f.push("body_cut");
            b.add(&cut, &f, &words);
            if !run.is_empty() && run != cut {
                let mut f = flags.to_vec();
                f.push("body_run");
                b.add(&run, &f, &words);
            }
        }
    }
}

fn from_labels(b: &mut Builder, text: &str, flags: &[&'static str]) {
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let t = line
            .trim()
            .trim_start_matches(['>', ' ', '*', '-', '•'])
            .trim();
        let lower = t.to_lowercase();
        let Some(noun) = LABEL_NOUNS.iter().find(|n| {
            lower.starts_with(*n) && lower[n.len()..].trim_start().starts_with(':')
                || lower.ends_with(&format!("{n}:"))
                || lower.ends_with(&format!("{n} :"))
        }) else {
            continue;
        };
        let words = vec![format!("label:{noun}")];
        if let Some((_, value)) = t.split_once(':')
            && !value.trim().is_empty()
            && lower.starts_with(noun)
        {
            let mut f = flags.to_vec();
            f.push("labelled");
            b.add(value, &f, &words);
        } else if let Some(next) = lines[i + 1..].iter().take(3).find(|l| !l.trim().is_empty()) {
            let mut f = flags.to_vec();
            f.push("next_line");
            b.add(next.trim_start_matches(['>', ' ']), &f, &words);
        }
    }
}

fn before_nouns(b: &mut Builder, text: &str, flags: &[&'static str]) {
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        for (j, core) in job_nouns(&words) {
            let from = j.saturating_sub(6);
            let mut k = j;
            while k > from {
                let prev = words[k - 1].to_lowercase();
                if matches!(
                    prev.as_str(),
                    "the" | "our" | "a" | "an" | "your" | "this" | "that" | "for" | "to" | "as"
                ) || prev.ends_with(['.', ':'])
                    || prev.ends_with("'s")
                {
                    break;
                }
                k -= 1;
            }
            if k < j {
                let mut f = flags.to_vec();
                f.push("before_noun");
                b.add(&words[k..j].join(" "), &f, &[format!("noun:{core}")]);
            }
        }
    }
}

/// Every candidate of the mail, with `rule` (what the hand-written rules chose) among them.
pub fn collect(view: &MailView, rule: Option<&str>) -> Vec<TitleCand> {
    let mut b = Builder { cands: Vec::new() };
    if let Some(r) = rule {
        b.add(r, &["rule"], &[]);
    }
    for (i, seg) in segments(&view.subject).iter().enumerate() {
        let seg = strip_step_prefix(seg);
        let mut f = vec!["subject"];
        if i == 0 {
            f.push("subject_first");
        }
        b.add(seg, &f, &[]);
    }
    // Split at colons and bars only: "QA Engineer – Events & Ticketing", "chargé(e) de …".
    for seg in view.subject.split([':', '|']) {
        let seg = strip_step_prefix(seg.trim());
        b.add(seg, &["subject", "subject_whole"], &[]);
        // Runs of two or three dash-separated parts: "Auditor/a Interno/a – Fraud & Security".
        let mut cuts = vec![0];
        for sep in [" - ", " – ", " — "] {
            cuts.extend(seg.match_indices(sep).map(|(i, _)| i));
        }
        cuts.sort_unstable();
        cuts.push(seg.len());
        for i in 0..cuts.len() {
            for j in i + 2..cuts.len().min(i + 4) {
                if i > 0 || j < cuts.len() - 1 {
                    b.add(&seg[cuts[i]..cuts[j]], &["subject", "subject_whole"], &[]);
                }
            }
        }
        let lower = lower_same_len(seg);
        for cue in CUES {
            if let Some(at) = lower.find(cue)
                && (at == 0 || lower[..at].ends_with(' '))
            {
                let start = at + cue.len();
                let (cut, run) = spans_after(seg, &lower, start);
                let words = [format!("cue:{cue}")];
                b.add(&cut, &["subject_after_cue"], &words);
                b.add(&run, &["subject_after_cue"], &words);
                b.add(
                    &seg[start..],
                    &["subject_after_cue", "subject_whole"],
                    &words,
                );
            }
        }
    }
    let forwarded = view.forwarded.as_ref().map_or("", |f| f.body.as_str());
    for (text, flag) in [
        (view.newest.as_str(), None),
        (forwarded, Some("forwarded")),
        (view.quoted.as_str(), Some("quoted")),
    ] {
        let flags: Vec<&'static str> = flag.into_iter().collect();
        from_cues(&mut b, text, &flags);
        from_labels(&mut b, text, &flags);
        before_nouns(&mut b, text, &flags);
    }
    let subject = view.subject.to_lowercase();
    let body = format!("{}\n{}", view.newest, forwarded).to_lowercase();
    b.cands
        .into_iter()
        .filter_map(|(text, flags, words)| {
            let title = JobTitle::parse(&text).ok()?;
            Some(TitleCand {
                features: features(&text, &flags, &words, &subject, &body),
                title,
            })
        })
        .collect()
}

fn features(
    text: &str,
    flags: &[&'static str],
    words: &[String],
    subject: &str,
    body: &str,
) -> Vec<(u32, f32)> {
    let lower = text.to_lowercase();
    let n = text.split_whitespace().count();
    let mut on: Vec<&'static str> = flags.to_vec();
    on.push(match n {
        1 => "words_1",
        2 => "words_2",
        3 => "words_3",
        4 | 5 => "words_4_5",
        6..=8 => "words_6_8",
        _ => "words_9_plus",
    });
    let caps = text
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect::<Vec<_>>();
    let facts = [
        ("has_head", has_head(text)),
        (
            "starts_upper",
            text.chars().next().is_some_and(char::is_uppercase),
        ),
        (
            "all_capitalised",
            !caps.is_empty() && caps.iter().all(|w| is_capitalized(w)),
        ),
        ("lowercase", text.chars().all(|c| !c.is_uppercase())),
        ("has_digit", text.chars().any(|c| c.is_ascii_digit())),
        ("interview_word", has_any(&lower, INTERVIEW)),
        (
            "calendar_word",
            lower.split_whitespace().any(|w| CALENDAR.contains(&w)),
        ),
        (
            "legal_form",
            text.split_whitespace().any(legal_form::is_abbreviation),
        ),
        ("in_subject", subject.contains(&lower)),
        ("in_text", body.contains(&lower)),
        (
            "gender_marker",
            lower.contains("/w/") || lower.contains("(h/f)") || lower.contains("/d)"),
        ),
        ("slash_or_amp", text.contains('/') || text.contains('&')),
        ("long", text.len() > 60),
        ("question", text.contains('?')),
    ];
    on.extend(facts.iter().filter(|(_, v)| *v).map(|(k, _)| *k));
    let ws: Vec<&str> = lower
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let mut hashed: Vec<String> = words.to_vec();
    if let (Some(first), Some(last)) = (ws.first(), ws.last()) {
        hashed.push(format!("first:{first}"));
        hashed.push(format!("last:{last}"));
    }
    hashed.extend(ws.iter().map(|w| format!("word:{w}")));
    encode(FEATURES, &on, &hashed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_after_a_cue_is_a_candidate_in_every_language() {
        for (text, want) in [
            (
                "voor de functie Teamleider Expeditie bij ons in Venlo.",
                "Teamleider Expeditie",
            ),
            (
                "para a vaga de Técnico de Manutenção, em Lisboa",
                "Técnico de Manutenção",
            ),
            (
                "danke für Ihre Bewerbung als Lagerleiter (m/w/d) bei uns",
                "Lagerleiter (m/w/d)",
            ),
        ] {
            let mut b = Builder { cands: Vec::new() };
            from_cues(&mut b, text, &[]);
            assert!(
                b.cands.iter().any(|(t, _, _)| t == want),
                "{text}: {:?}",
                b.cands
            );
        }
    }

    #[test]
    fn a_labelled_line_gives_its_value_or_the_next_line() {
        let mut b = Builder { cands: Vec::new() };
        from_labels(&mut b, "Position: Night Shift Lead\n", &[]);
        from_labels(
            &mut b,
            "geselecteerd voor de functie:\n\n  *** Teamleider Inbound ***\n",
            &[],
        );
        let got: Vec<&str> = b.cands.iter().map(|(t, _, _)| t.as_str()).collect();
        assert_eq!(got, ["Night Shift Lead", "Teamleider Inbound"]);
    }

    #[test]
    fn the_same_phrase_found_twice_is_one_candidate() {
        let mut b = Builder { cands: Vec::new() };
        b.add("Data Analyst", &["subject"], &[]);
        b.add("data analyst", &["body_cut"], &[]);
        assert_eq!(b.cands.len(), 1);
        assert!(b.cands[0].1.contains(&"seen_twice"));
    }
}
