//! Interview questions for the issues bad reviews raise, worded so that they never mention
//! reviews: the point is to find out first-hand, not to confront the employer with hearsay.

/// Keyword stems (matched at the start of a word of the topic) and the question they lead to.
const TOPICS: &[(&[&str], &str)] = &[
    (
        &[
            "manag",
            "micromanag",
            "leader",
            "boss",
            "supervis",
            "executive",
        ],
        "How would you describe the management style here, and how are decisions shared with the team?",
    ),
    (
        &["turnover", "attrition", "churn", "quit", "left", "leav"],
        "How long do people usually stay on this team, and why did the last person in this role move on?",
    ),
    (
        &[
            "hour", "overtime", "workload", "burn", "weekend", "balance", "stress", "overwork",
        ],
        "What does a typical week look like, and how often is work needed outside normal hours?",
    ),
    (
        &[
            "pay",
            "salar",
            "compens",
            "wage",
            "bonus",
            "raise",
            "underpaid",
            "benefit",
        ],
        "How is compensation set for this role, and how often is it revisited?",
    ),
    (
        &[
            "cultur", "toxic", "politic", "bull", "harass", "respect", "inclus", "divers",
        ],
        "How would you describe the team's culture, and how are disagreements handled?",
    ),
    (
        &[
            "layoff",
            "laid",
            "restructur",
            "reorg",
            "cut",
            "secur",
            "stabil",
            "funding",
        ],
        "How has the team changed over the past year, and what are its plans for the next one?",
    ),
    (
        &["growth", "career", "promot", "training", "learn", "develop"],
        "What opportunities are there to learn and grow in this role?",
    ),
    (
        &[
            "communicat",
            "disorgani",
            "chao",
            "process",
            "organis",
            "organiz",
        ],
        "How does the team communicate priorities and changes?",
    ),
];

/// Asked when bad reviews name no topic we recognise: open questions that still surface most
/// of what reviews complain about.
const GENERIC: [&str; 2] = [
    "What do people enjoy most about working here, and what would they change?",
    "What are the biggest challenges facing the team right now?",
];

/// Questions for the given review topics, each at most once, in the order of `TOPICS`;
/// the generic questions when no topic matches.
pub(super) fn for_topics<'a>(topics: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let topics: Vec<String> = topics.into_iter().map(str::to_lowercase).collect();
    let found: Vec<String> = TOPICS
        .iter()
        .filter(|(stems, _)| topics.iter().any(|t| mentions_any(t, stems)))
        .map(|(_, q)| (*q).to_string())
        .collect();
    if found.is_empty() {
        GENERIC.iter().map(|q| (*q).to_string()).collect()
    } else {
        found
    }
}

/// True when a word of `text` (already lowercase) starts with one of `stems`.
fn mentions_any(text: &str, stems: &[&str]) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|word| stems.iter().any(|s| word.starts_with(s)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asks(topic: &str, needle: &str) {
        let qs = for_topics([topic]);
        assert!(qs.iter().any(|q| q.contains(needle)), "{topic}: {qs:?}");
        assert!(
            !qs.iter().any(|q| GENERIC.contains(&q.as_str())),
            "{topic}: {qs:?}"
        );
    }

    #[test]
    fn topics_map_to_questions() {
        asks("Terrible management", "management style");
        asks("high turnover", "usually stay");
        asks("long hours, no weekends", "typical week");
        asks("low pay", "compensation");
        asks("toxic culture", "culture");
        asks("Layoffs every year", "changed over the past year");
        asks("no career growth", "learn and grow");
        asks("disorganised", "communicate priorities");
    }

    #[test]
    fn several_topics_give_several_questions_once_each() {
        let qs = for_topics(["pay and management", "management again", "PAY"]);
        assert_eq!(qs.len(), 2, "{qs:?}");
    }

    #[test]
    fn unknown_or_missing_topics_fall_back_to_generic_questions() {
        assert_eq!(
            for_topics(["the coffee"]),
            GENERIC.map(String::from).to_vec()
        );
        assert_eq!(for_topics([]), GENERIC.map(String::from).to_vec());
    }

    #[test]
    fn questions_never_mention_reviews() {
        let all = TOPICS.iter().map(|(_, q)| *q).chain(GENERIC);
        for q in all {
            let lower = q.to_lowercase();
            assert!(
                !lower.contains("review") && !lower.contains("glassdoor"),
                "{q}"
            );
            assert!(q.ends_with('?'), "{q}");
        }
    }
}
