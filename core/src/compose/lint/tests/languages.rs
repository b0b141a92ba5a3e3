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

const SAMPLES: &[Sample] = &[
    Sample {
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
    },
    Sample {
        language: Language::Fr,
        impolite: "Je déteste le trajet, et votre salaire est trop bas parce que le chef est \
                   toxique !!!",
        polite: &[
            "Madame, Monsieur,\n\nJe vous remercie de l'occasion que vous m'avez offerte. \
             Cependant, j'ai le regret de devoir décliner votre invitation.\n\nPeut-être le \
             moment sera-t-il plus propice à l'avenir.\n\nPourriez-vous me confirmer la bonne \
             réception de ce message\u{202f}?\n\nBien cordialement,\nDana",
            "Bonjour Claire, merci d'avoir pensé à moi. Je ne donnerai pas suite à cette \
             opportunité et vous souhaite plein succès dans votre recherche. Pourriez-vous \
             m'accuser réception de ce message ? Cordialement, Kim",
        ],
    },
    Sample {
        language: Language::Es,
        impolite: "Odio el trayecto, y su sueldo es demasiado bajo porque el jefe es tóxico!!!",
        polite: &[
            "Estimada Sra. García:\n\nLe agradezco mucho la oportunidad. Sin embargo, en este \
             momento lamento tener que declinar su invitación.\n\nQuizá en otro momento las \
             circunstancias sean más favorables.\n\n¿Podría confirmarme que ha recibido este \
             mensaje?\n\nUn cordial saludo,\nDana",
            "Hola, Marta: gracias por pensar en mí. No continuaré en el proceso y le deseo mucho \
             éxito en la búsqueda. ¿Me confirma que le ha llegado este mensaje? Saludos, Kim",
        ],
    },
    Sample {
        language: Language::Pt,
        impolite: "Odeio o trajeto, e o vosso salário é demasiado baixo porque o chefe é \
                   tóxico!!!",
        polite: &[
            "Exma. Sra. Costa,\n\nAgradeço sinceramente a oportunidade. No entanto, neste \
             momento, lamento ter de declinar o convite.\n\nTalvez noutra altura o momento \
             seja mais oportuno.\n\nAgradeço que me confirme a receção desta mensagem.\n\n\
             Com os melhores cumprimentos,\nDana",
            "Bom dia, Rita, obrigada por se ter lembrado de mim. Não vou avançar com o processo \
             e desejo-lhe muito sucesso. Pode confirmar-me que recebeu esta mensagem? \
             Cumprimentos, Kim",
        ],
    },
    Sample {
        language: Language::It,
        impolite: "Odio il tragitto, e il vostro stipendio è troppo basso perché il capo è \
                   tossico!!!",
        polite: &[
            "Gentile Dott. Rossi,\n\nLa ringrazio sentitamente per l'opportunità. Tuttavia, al \
             momento, mi rincresce dover declinare il Suo invito.\n\nForse in futuro ci sarà \
             un momento più propizio.\n\nLe chiedo cortesemente di confermarmi la ricezione di \
             questo messaggio.\n\nCordiali saluti,\nDana",
            "Buongiorno Giulia, grazie per aver pensato a me. Non proseguirò con la selezione e \
             Le auguro buon lavoro. Può darmi riscontro di questo messaggio? Un saluto, Kim",
        ],
    },
];

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
        let table = super::super::tables::of(language);
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
        (Language::Fr, "J'ai accepté un autre poste."),
        (Language::Es, "He aceptado otra oferta."),
        (Language::Pt, "Aceitei outra proposta."),
        (Language::It, "Ho accettato un'altra offerta."),
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
