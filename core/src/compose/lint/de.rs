//! German: the lint table (see [`super::table`]). Every noun is Capitalised in German, so a
//! Capitalised word says nothing about job titles here (`titles_by_case: false`).

use super::Severity::Warning;
use super::claim::ClaimWords;
use super::table::Table;
use super::vocab::{WordRule, detail};

pub(super) const TABLE: Table = Table {
    rules: RULES,
    claim: ClaimWords {
        verbs: &[
            "angenommen",
            "annehmen",
            "nehme",
            "zugesagt",
            "unterschrieben",
            "unterzeichnet",
            "angetreten",
            "antreten",
            "begonnen",
            "beginne",
            "angefangen",
            "fange",
        ],
        fillers: &[
            "eine", "einen", "ein", "die", "das", "den", "andere", "anderes", "anderen", "neue",
            "neues", "neuen", "feste", "festes", "bereits", "schon",
        ],
        job_words: &[
            "stelle",
            "position",
            "job",
            "angebot",
            "jobangebot",
            "stellenangebot",
            "arbeitsstelle",
            "anstellung",
            "festanstellung",
            "arbeitsvertrag",
        ],
        not_a_claim_after: &[
            "vorstellungsgespräch",
            "gespräch",
            "einladung",
            "beschreibung",
            "anzeige",
            "ausschreibung",
            "bewerbung",
        ],
    },
    receipt: &[
        "bestätig*",
        "erhalten",
        "eingang",
        "rückmeldung",
        "antworten",
        "antwort",
        "geben sie mir bescheid",
        "kurz bescheid",
    ],
    receipt_example: "Ich wäre Ihnen dankbar, wenn Sie mir kurz bestätigen könnten, dass Sie \
                      diese Nachricht erhalten haben.",
    titles_by_case: false,
    elisions: false,
};

/// The reasons a decline may state after "weil"/"da": the two a user chooses from.
#[rustfmt::skip]
const STATED_REASONS: &[&str] = &[
    "ich eine andere stelle angenommen habe", "ich eine stelle angenommen habe",
    "ich ein anderes angebot angenommen habe",
    "ich zu dem schluss gekommen bin", "ich zu dem schluss gelangt bin",
];

#[rustfmt::skip]
const RULES: &[WordRule] = &[
    detail(
        "detail-pay",
        "Mentions pay",
        &["gehalt", "gehälter", "gehalts*", "vergütung", "bezahlung", "lohn", "löhne",
          "unterbezahlt", "geld", "bonus", "boni", "jahresgehalt", "stundenlohn", "verdienst",
          "gehaltsvorstellung*", "gehaltsangebot"],
    ),
    detail(
        "detail-commute",
        "Mentions the commute",
        &["pendeln", "pendelweg", "arbeitsweg", "anfahrt", "anfahrtsweg", "fahrtzeit",
          "fahrzeit", "verkehr", "stau", "zu weit", "entfernung", "parkplatz", "parkplätze"],
    ),
    detail(
        "detail-location",
        "Mentions the location",
        &["standort", "standorte", "umzug", "umziehen", "umzuziehen", "gegend",
          "stadtteil", "lage des büros", "arbeitsort"],
    ),
    WordRule {
        unless_after: &["personal", "einstellender", "einstellende"],
        ..detail(
            "detail-manager",
            "Mentions the manager",
            &["vorgesetzte", "vorgesetzter", "vorgesetzten", "chef", "chefin", "chefs",
              "führungskraft", "führungskräfte", "teamleiter", "teamleiterin",
              "teamleitung", "abteilungsleiter", "abteilungsleiterin", "geschäftsführung",
              "management"],
        )
    },
    detail(
        "detail-coworkers",
        "Mentions co-workers",
        &["kollegen", "kolleginnen", "kollegium", "ihr team", "ihre mitarbeiter*",
          "ihre belegschaft", "die leute dort", "arbeitsklima", "betriebsklima"],
    ),
    WordRule {
        advice: "never tell an employer what reviews say about it; ask about the issues at an \
                 interview instead, or leave them out",
        ..detail(
            "mentions-reviews",
            "Mentions reviews",
            &["bewertung", "bewertungen", "kununu", "glassdoor", "rezension*",
              "erfahrungsberichte", "arbeitgeberbewertung*", "sterne"],
        )
    },
    WordRule {
        advice: "blame burns the bridge you are trying to keep; leave it out",
        ..detail(
            "blame",
            "Blames the employer",
            &["hasse", "hassen", "hass", "toxisch", "toxische", "toxischen", "chaotisch*",
              "chaos", "unorganisiert*", "desorganisiert*", "unhöflich*", "unprofessionell*",
              "inkompetent*", "inkompetenz", "zeitverschwendung", "verschwendete zeit",
              "schlecht organisiert", "schlecht geführt", "lügner", "gelogen", "unehrlich*",
              "unseriös*", "ausbeut*", "mobbing", "respektlos*", "arrogant*", "frechheit",
              "zumutung", "nie wieder gemeldet", "nie zurückgemeldet", "beleidigend*"],
        )
    },
    WordRule {
        unless_followed_by: STATED_REASONS,
        advice: "an explanation gives details and invites an argument; decline without one, or \
                 with only the reason you chose",
        ..detail(
            "explains-because",
            "Explains the decline",
            &["weil", "aufgrund", "auf grund", "wegen", "da die", "da der", "da das", "da ihr",
              "da ihre", "da es", "da mir", "da mich", "der grund ist", "grund dafür",
              "deswegen", "deshalb", "daher"],
        )
    },
    WordRule {
        severity: Warning,
        advice: "keep a decline warm and neutral, so the door stays open",
        ..detail(
            "negative-tone",
            "Sounds negative",
            &["enttäuscht", "enttäuschend", "enttäuschung", "frustriert", "frustrierend",
              "frustration", "verärgert", "ärgerlich", "inakzeptabel", "unakzeptabel",
              "schrecklich", "furchtbar", "katastrophal", "lächerlich", "unmöglich",
              "unzufrieden", "sauer", "genervt", "nervig", "schlecht", "schlechte",
              "schlechten", "schlechter", "miserabel", "nutzlos", "dumm", "peinlich",
              "schade", "schande"],
        )
    },
];
