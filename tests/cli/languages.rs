//! Declining in the invitation's language: each language's fixture invitation imports with
//! its language detected and declines in it, every reason and a referral pass that
//! language's lint, an impolite text is flagged like its English twin, and the letter keeps
//! the language's characters.

use crate::harness::{Env, show};
use crate::letter::{env_with_address, pdf_text};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// One language's fixture and what its texts must say.
struct Lang {
    code: &'static str,
    /// An invitation in this language that `bowout scan` reports as an invitation.
    fixture: &'static str,
    /// Words every decline in this language says (the closing, the receipt request…).
    decline_says: &'static [&'static str],
    /// Words the letter says, with the language's own characters and typography.
    letter_says: &'static [&'static str],
    /// The English hostile text's twin.
    impolite: &'static str,
}

const ENGLISH_TWIN: &str =
    "I hate the commute and your pay is too low because the manager is toxic!!!";

const LANGS: &[Lang] = &[
    Lang {
        code: "de",
        fixture: "corpus/b01/b01-012.eml",
        decline_says: &[
            "ich danke Ihnen sehr für die Gelegenheit",
            "Vielleicht passt es zu einem späteren Zeitpunkt besser.",
            "dass Sie diese Nachricht erhalten haben.",
            "Mit freundlichen Grüßen",
        ],
        letter_says: &[
            "27. November 2026",
            "„Data Analyst“",
            "Mit freundlichen Grüßen",
            "Per Einschreiben mit Rückschein.",
        ],
        impolite: "Ich hasse den Arbeitsweg, und Ihr Gehalt ist zu niedrig, weil der Chef toxisch \
               ist!!!",
    },
    Lang {
        code: "fr",
        fixture: "corpus/b02/b02-002.eml",
        decline_says: &[
            "Je vous remercie sincèrement de m'avoir donné l'occasion",
            "Peut-être le moment sera-t-il plus propice à l'avenir.",
            "Pourriez-vous me confirmer la bonne réception de ce message\u{202f}?",
            "Bien cordialement,",
        ],
        letter_says: &[
            "27 novembre 2026",
            "« Data Analyst »",
            "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
            "Lettre recommandée avec accusé de réception.",
        ],
        impolite: "Je déteste le trajet, et votre salaire est trop bas parce que le chef est \
                   toxique !!!",
    },
    Lang {
        code: "es",
        fixture: "corpus/b03/b03-004.eml",
        decline_says: &[
            "Le agradezco mucho la oportunidad",
            "Quizá en otro momento las circunstancias sean más favorables.",
            "¿Podría confirmarme que ha recibido este mensaje?",
            "Un cordial saludo,",
        ],
        letter_says: &[
            "27 de noviembre de 2026",
            "este ámbito no encaja conmigo",
            "Atentamente,",
            "Enviada por correo certificado con acuse de recibo.",
        ],
        impolite: "Odio el trayecto, y su sueldo es demasiado bajo porque el jefe es tóxico!!!",
    },
    Lang {
        code: "pt",
        fixture: "corpus/b04/b04-005.eml",
        decline_says: &[
            "Agradeço sinceramente a oportunidade",
            "Talvez noutra altura o momento seja mais oportuno.",
            "Agradeço que me confirme a receção desta mensagem.",
            "Com os melhores cumprimentos,",
        ],
        letter_says: &[
            "27 de novembro de 2026",
            "esta área não é a mais adequada",
            "Com os melhores cumprimentos,",
            "Enviada por correio registado com aviso de receção.",
        ],
        impolite: "Odeio o trajeto, e o vosso salário é demasiado baixo porque o chefe é \
                   tóxico!!!",
    },
    Lang {
        code: "it",
        fixture: "corpus/b07/b07-008.eml",
        decline_says: &[
            "La ringrazio sentitamente per l'opportunità",
            "Forse in futuro ci sarà un momento più propizio.",
            "Le chiedo cortesemente di confermarmi la ricezione di questo messaggio.",
            "Cordiali saluti,",
        ],
        letter_says: &[
            "27 novembre 2026",
            "questo settore non è adatto a me",
            "Distinti saluti,",
            "Inviata per raccomandata con ricevuta di ritorno.",
        ],
        impolite: "Odio il tragitto, e il vostro stipendio è troppo basso perché il capo è \
                   tossico!!!",
    },
];

fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn rules(findings: &Value) -> Vec<String> {
    findings
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["rule"].as_str().expect("rule").to_string())
        .collect()
}

/// Imports `lang`'s fixture; returns the invitation's id.
fn import(env: &Env, lang: &Lang) -> String {
    let report = env
        .run([
            "--json",
            "import",
            repo(lang.fixture).to_str().expect("utf-8"),
        ])
        .ok()
        .json();
    let ids = report["ids"].as_array().expect("ids");
    assert_eq!(ids.len(), 1, "{}: {report}", lang.fixture);
    ids[0].as_str().expect("id").to_string()
}

#[test]
fn each_language_imports_detected_and_declines_in_it_with_no_lint() {
    for lang in LANGS {
        let env = Env::new();
        let id = import(&env, lang);
        assert_eq!(show(&env, &id)["language"], lang.code, "{}", lang.fixture);
        let listed = env.run(["list"]).ok().stdout();
        assert!(listed.contains(&format!("  {}  ", lang.code)), "{listed}");
        // Without any flag: the drafts are in the invitation's language, and clean.
        let drafts = env.run(["--json", "decline", &id]).ok().json();
        for d in drafts.as_array().expect("drafts") {
            let body = d["body"].as_str().expect("body");
            for says in lang.decline_says {
                assert!(body.contains(says), "{}: {says:?} in {body}", lang.code);
            }
            assert_eq!(d["lint"], serde_json::json!([]), "{}: {body}", lang.code);
        }
        // Every reason, with a referral who agreed.
        let rid = env.add_referral("sam@fastmail.example");
        for reason in ["none", "accepted-job", "field-fit"] {
            let drafts = env
                .run([
                    "--json", "decline", &id, "--reason", reason, "--refer", &rid,
                ])
                .ok()
                .json();
            for d in drafts.as_array().expect("drafts") {
                let body = d["body"].as_str().expect("body");
                assert!(body.contains("sam@fastmail.example"), "{body}");
                assert_eq!(
                    d["lint"],
                    serde_json::json!([]),
                    "{} {reason}: {body}",
                    lang.code
                );
                // The same text through `lint --lang` is clean too.
                let linted = env
                    .run_with_stdin(["--json", "lint", "--lang", lang.code, "-"], body)
                    .ok()
                    .json();
                let found = rules(&linted);
                assert!(
                    found.iter().all(|r| r == "unchosen-claim"),
                    "{} {reason}: {found:?}",
                    lang.code
                );
            }
        }
    }
}

#[test]
fn an_impolite_text_is_flagged_by_the_rules_of_its_english_twin() {
    let env = Env::new();
    let english = env.run_with_stdin(["--json", "lint", "-"], ENGLISH_TWIN);
    assert_eq!(english.code(), 1);
    let english = rules(&english.json());
    assert!(english.len() >= 7, "{english:?}");
    for lang in LANGS {
        let run = env.run_with_stdin(["--json", "lint", "--lang", lang.code, "-"], lang.impolite);
        assert_eq!(run.code(), 1, "{}: {}", lang.code, run.stdout());
        let found = rules(&run.json());
        for rule in &english {
            assert!(
                found.contains(rule),
                "{} misses {rule}: {found:?}",
                lang.code
            );
        }
        // Read as English, the same text is not caught the same way.
        let as_english = rules(
            &env.run_with_stdin(["--json", "lint", "-"], lang.impolite)
                .json(),
        );
        assert!(
            as_english.len() < found.len(),
            "{}: {as_english:?}",
            lang.code
        );
    }
}

#[test]
fn each_language_letter_keeps_its_characters_on_a4() {
    for lang in LANGS {
        let env = env_with_address();
        let id = env.add(&["--lang", lang.code]);
        env.run(["decline", &id, "--reason", "field-fit"]).ok();
        let out = env.path(&format!("letter-{}.pdf", lang.code));
        env.run(["letter", &id, "--out", out.to_str().expect("utf-8")])
            .ok();
        let text = pdf_text(&out);
        for says in lang.letter_says {
            assert!(text.contains(says), "{}: {says:?} in {text}", lang.code);
        }
        let info = crate::letter::poppler("pdfinfo", &[], &out);
        assert!(info.contains("595.276 x 841.89 pts (A4)"), "{info}");
    }
}

#[test]
fn the_language_is_given_by_hand_changed_and_defaulted() {
    let mut env = Env::new();
    // add --lang, then edit --lang makes the drafts stale and writes the next ones in it.
    let id = env.add(&["--lang", "de"]);
    assert_eq!(show(&env, &id)["language"], "de");
    env.run(["decline", &id]).ok();
    let edited = env.run(["--json", "edit", &id, "--lang", "en"]).ok().json();
    assert_eq!(edited["changes"][0]["field"], "language");
    assert_eq!(edited["drafts_stale"], true);
    let drafts = env.run(["--json", "decline", &id]).ok().json();
    assert!(
        drafts[0]["body"]
            .as_str()
            .is_some_and(|b| b.starts_with("Dear Ann Lee,")),
        "{drafts}"
    );
    // decline --lang writes in that language and keeps it.
    let drafts = env
        .run(["--json", "decline", &id, "--lang", "de"])
        .ok()
        .json();
    assert!(
        drafts[0]["body"]
            .as_str()
            .is_some_and(|b| b.contains("Mit freundlichen Grüßen")),
        "{drafts}"
    );
    assert_eq!(show(&env, &id)["language"], "de");
    // accept --lang too.
    let other = env.add(&[]);
    let accepted = env
        .run([
            "--json",
            "accept",
            &other,
            "--lang",
            "de",
            "--at",
            "2026-12-02 14:00",
        ])
        .ok()
        .json();
    let body = accepted[0]["body"].as_str().expect("body");
    assert!(
        body.contains("am Mittwoch, 2. Dezember 2026 um 14:00 Uhr (UTC)"),
        "{body}"
    );
    // [identity] language is the default for invitations added by hand.
    env.set("BOWOUT_IDENTITY_LANGUAGE", "de");
    let by_hand = env.add(&[]);
    assert_eq!(show(&env, &by_hand)["language"], "de");
    let shown = env.run(["show", &by_hand]).ok().stdout();
    assert!(shown.contains("answered in de"), "{shown}");
    // A language bowout does not write is a usage error, and a bad setting a setup error.
    env.run([
        "add",
        "--employer",
        "X",
        "--title",
        "Y",
        "--primary",
        "a@x.example",
        "--lang",
        "nl",
    ])
    .fails_with(2, "not a language bowout writes");
    env.set("BOWOUT_IDENTITY_LANGUAGE", "klingon");
    env.run([
        "add",
        "--employer",
        "X",
        "--title",
        "Y",
        "--primary",
        "a@x.example",
    ])
    .fails_with(1, "[identity] language");
}

#[test]
fn a_user_override_for_one_language_is_read_from_its_folder() {
    let env = Env::new();
    let id = env.add(&["--lang", "de"]);
    let folder = env.home().join("templates/de");
    std::fs::create_dir_all(&folder).expect("mkdir");
    std::fs::write(
        folder.join("decline.txt"),
        "Guten Tag {{ contact.name }}, ich sage ab. Bitte bestätigen Sie den Eingang.\n{{ me.name }}",
    )
    .expect("write");
    let drafts = env.run(["--json", "decline", &id]).ok().json();
    assert_eq!(
        drafts[0]["body"],
        "Guten Tag Ann Lee, ich sage ab. Bitte bestätigen Sie den Eingang.\nDana Whitfield\n"
    );
    // The English templates are untouched.
    let english = env.add(&[]);
    let drafts = env.run(["--json", "decline", &english]).ok().json();
    assert!(
        drafts[0]["body"]
            .as_str()
            .is_some_and(|b| b.starts_with("Dear Ann Lee,"))
    );
}
