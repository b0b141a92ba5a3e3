//! French (France, Belgium, Switzerland, Québec): the lint table (see [`super::table`]).

use super::Severity::Warning;
use super::claim::ClaimWords;
use super::table::Table;
use super::vocab::{WordRule, detail};

pub(super) const TABLE: Table = Table {
    rules: RULES,
    claim: ClaimWords {
        verbs: &[
            "accepté",
            "accepter",
            "accepte",
            "pris",
            "signé",
            "commencé",
            "commence",
            "rejoint",
            "rejoindre",
            "intégré",
        ],
        fillers: &[
            "un", "une", "le", "la", "l", "autre", "nouveau", "nouvel", "nouvelle", "déjà",
        ],
        job_words: &[
            "poste",
            "emploi",
            "offre",
            "contrat",
            "cdi",
            "cdd",
            "proposition",
        ],
        not_a_claim_after: &[
            "entretien",
            "rendez",
            "description",
            "annonce",
            "candidature",
        ],
    },
    receipt: &[
        "confirm*",
        "réception",
        "reçu",
        "répondre",
        "réponse",
        "accuser",
    ],
    receipt_example: "Pourriez-vous me confirmer la bonne réception de ce message ?",
    titles_by_case: true,
    elisions: true,
};

/// The reasons a decline may state after "because": the two a user chooses from.
#[rustfmt::skip]
const STATED_REASONS: &[&str] = &["j ai accepté un poste", "j ai accepté une autre offre", "j ai accepté une offre", "j ai conclu que ce domaine"];

#[rustfmt::skip]
const RULES: &[WordRule] = &[
    detail("detail-pay", "Mentions pay", &["salaire", "salaires", "salarial*", "rémunération*", "paie", "paye", "sous payé*", "argent", "prime", "primes", "bonus"]),
    detail("detail-commute", "Mentions the commute", &["trajet", "trajets", "transport", "transports", "trop loin", "la route", "distance", "stationnement", "parking", "temps de trajet", "bouchons", "embouteillages"]),
    detail("detail-location", "Mentions the location", &["localisation", "emplacement", "déménager", "déménagement", "quartier", "lieu de travail", "situation géographique"]),
    WordRule {
        unless_before: &["de", "d", "poste"],
        ..detail("detail-manager", "Mentions the manager", &["manager", "managers", "management", "patron", "patronne", "chef", "cheffe", "supérieur", "supérieure", "supérieurs", "hiérarchie", "encadrement"])
    },
    detail("detail-coworkers", "Mentions co-workers", &["vos employés", "vos salariés", "vos collaborateurs", "les gens là bas", "ambiance", "ambiance de travail", "l équipe était"]),
    WordRule {
        skip_titles: false,
        advice: "never tell an employer what reviews say about it; ask about the issues at an \
                 interview instead, or leave them out",
        ..detail("mentions-reviews", "Mentions reviews", &["avis en ligne", "avis des salariés", "avis négatifs", "mauvais avis", "glassdoor", "indeed", "commentaires en ligne", "notation*", "évaluations en ligne"])
    },
    WordRule {
        skip_titles: false,
        advice: "blame burns the bridge you are trying to keep; leave it out",
        ..detail("blame", "Blames the employer", &["déteste", "détesté", "détestable", "toxique", "toxiques", "désorganisé*", "désorganisation", "impoli*", "grossier*", "non professionnel*", "pas professionnel*", "incompétent*", "incompétence", "perte de temps", "chaotique", "chaos", "menteur*", "menti", "malhonnête*", "arnaque", "exploit*", "harcèlement", "irrespectueu*", "manque de respect", "arrogant*", "paresseu*", "jamais eu de réponse", "mal organisé*", "mal géré*", "bazar", "n importe quoi"])
    },
    WordRule {
        skip_titles: false,
        unless_followed_by: STATED_REASONS,
        advice: "an explanation gives details and invites an argument; decline without one, or \
                 with only the reason you chose",
        ..detail("explains-because", "Explains the decline", &["parce que", "parce qu", "car", "en raison", "à cause", "puisque", "vu que", "étant donné", "la raison est", "du fait que"])
    },
    WordRule {
        severity: Warning,
        skip_titles: false,
        advice: "keep a decline warm and neutral, so the door stays open",
        ..detail("negative-tone", "Sounds negative", &["déçu", "déçue", "décevant*", "déception", "frustré*", "frustrant*", "frustration", "agacé*", "énervé*", "contrarié*", "inacceptable", "terrible", "horrible", "affreux", "ridicule", "pire", "en colère", "mécontent*", "marre", "nul", "nulle", "lamentable", "pathétique", "inutile", "stupide", "honte*"])
    },
];
