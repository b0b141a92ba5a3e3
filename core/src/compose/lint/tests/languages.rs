//! Every language's table: its polite texts pass clean, and an impolite text is flagged by at
//! least the rules that flag its English twin.

use super::*;

/// The English hostile text, and per language its twin (the same complaints, in the words a
/// person would use) and polite texts that must produce no finding.
const ENGLISH_TWIN: &str =
    "I hate the commute and your pay is too low because the manager is toxic!!!";

struct Sample {
    language: Language,
    impolite: &'static str,
    polite: &'static [&'static str],
}

const SAMPLES: &[Sample] = &[Sample {
    language: Language::De,
    impolite: "Ich hasse den Arbeitsweg, und Ihr Gehalt ist zu niedrig, weil der Chef \
                   toxisch ist!!!",
    polite: &[
        "Sehr geehrte Frau Schmidt,\n\nich danke Ihnen sehr für die Gelegenheit, mich \
             vorzustellen. Zum jetzigen Zeitpunkt muss ich Ihnen jedoch leider absagen.\n\n\
             Vielleicht passt es zu einem späteren Zeitpunkt besser.\n\nIch wäre Ihnen \
             dankbar, wenn Sie mir kurz bestätigen könnten, dass Sie diese Nachricht erhalten \
             haben.\n\nMit freundlichen Grüßen\nDana",
        "Guten Tag Kim Weber, vielen Dank, dass Sie an mich gedacht haben. Ich werde diese \
             Gelegenheit nicht weiter verfolgen und wünsche Ihnen viel Erfolg bei der Suche. \
             Könnten Sie mir bitte den Eingang dieser Nachricht bestätigen? Beste Grüße, Kim",
    ],
}];

fn decline_in(language: Language) -> LintContext {
    LintContext {
        is_decline: true,
        language,
        ..LintContext::default()
    }
}

#[test]
fn each_language_flags_its_twin_with_the_english_rules() {
    let english = rules(ENGLISH_TWIN, &decline());
    assert!(english.len() >= 7, "{english:?}");
    for s in SAMPLES {
        let found = rules(s.impolite, &decline_in(s.language));
        for rule in &english {
            assert!(
                found.contains(rule),
                "{:?} misses {rule} on {:?}: {found:?}",
                s.language,
                s.impolite
            );
        }
    }
}

#[test]
fn each_language_passes_its_polite_texts() {
    for s in SAMPLES {
        for text in s.polite {
            assert_eq!(
                lint(text, &decline_in(s.language)),
                vec![],
                "{:?}: {text}",
                s.language
            );
        }
    }
}

#[test]
fn every_language_has_a_table_with_every_word_rule() {
    let word_rules = [
        "detail-pay",
        "detail-commute",
        "detail-location",
        "detail-manager",
        "detail-coworkers",
        "mentions-reviews",
        "blame",
        "explains-because",
        "negative-tone",
    ];
    for language in Language::ALL {
        let table = super::super::table::of(language);
        let ids: Vec<&str> = table.rules.iter().map(|r| r.id).collect();
        assert_eq!(ids, word_rules, "{language:?}");
        for rule in table.rules {
            for p in rule.patterns {
                assert_eq!(*p, p.to_lowercase(), "{language:?} {}: {p}", rule.id);
            }
        }
    }
}

#[test]
fn claims_are_read_in_each_language() {
    let claims = [
        (Language::De, "Ich habe eine andere Stelle angenommen."),
        (
            Language::De,
            "Ich habe bereits ein neues Angebot angenommen.",
        ),
    ];
    for (language, text) in claims {
        let ctx = LintContext {
            chosen_reason: Some(DeclineReason::None),
            language,
            ..LintContext::default()
        };
        assert_eq!(rules(text, &ctx), ["unchosen-claim"], "{text}");
    }
    let not_claims = [(
        Language::De,
        "Ich nehme die Einladung zum Vorstellungsgespräch gern an.",
    )];
    for (language, text) in not_claims {
        let ctx = LintContext {
            language,
            ..LintContext::default()
        };
        assert!(rules(text, &ctx).is_empty(), "{text}");
    }
}
