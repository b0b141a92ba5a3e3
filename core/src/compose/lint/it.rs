//! Italian (Italy, Switzerland): the lint table (see [`super::table`]).

use super::Severity::Warning;
use super::claim::ClaimWords;
use super::table::Table;
use super::vocab::{WordRule, detail};

pub(super) const TABLE: Table = Table {
    rules: RULES,
    claim: ClaimWords {
        verbs: &[
            "accettato",
            "accettare",
            "accetto",
            "firmato",
            "iniziato",
            "cominciato",
            "preso",
        ],
        fillers: &[
            "un", "una", "altra", "altro", "nuovo", "nuova", "l", "il", "la", "lo", "già",
        ],
        job_words: &[
            "offerta",
            "posizione",
            "lavoro",
            "impiego",
            "posto",
            "incarico",
            "contratto",
            "ruolo",
        ],
        not_a_claim_after: &["colloquio", "descrizione", "annuncio", "candidatura"],
    },
    receipt: &[
        "conferm*",
        "ricezione",
        "ricevuto",
        "rispondere",
        "risposta",
        "riscontro",
    ],
    receipt_example: "Le chiedo cortesemente di confermarmi la ricezione di questo messaggio.",
    titles_by_case: true,
    elisions: true,
};

/// The reasons a decline may state after "because": the two a user chooses from.
#[rustfmt::skip]
const STATED_REASONS: &[&str] = &["ho accettato un altra offerta", "ho accettato un offerta", "ho accettato un altro lavoro", "ho concluso che questo settore"];

#[rustfmt::skip]
const RULES: &[WordRule] = &[
    detail("detail-pay", "Mentions pay", &["stipendio", "stipendi", "retribuzione", "salario", "paga", "soldi", "denaro", "bonus", "sottopagat*", "compenso", "ral"]),
    detail("detail-commute", "Mentions the commute", &["pendolarismo", "tragitto", "spostamento", "spostamenti", "traffico", "troppo lontano", "troppo lontana", "distanza", "parcheggio", "tempi di viaggio"]),
    detail("detail-location", "Mentions the location", &["sede", "ubicazione", "trasferimento", "trasferirmi", "trasloco", "quartiere"]),
    WordRule {
        unless_before: &["di", "del", "della"],
        ..detail("detail-manager", "Mentions the manager", &["capo", "capi", "responsabile diretto", "superiore", "superiori", "supervisore", "manager", "dirigente", "dirigenti"])
    },
    detail("detail-coworkers", "Mentions co-workers", &["colleghi", "colleghe", "i suoi dipendenti", "il suo personale", "la gente lì", "ambiente di lavoro", "l ambiente"]),
    WordRule {
        skip_titles: false,
        advice: "never tell an employer what reviews say about it; ask about the issues at an \
                 interview instead, or leave them out",
        ..detail("mentions-reviews", "Mentions reviews", &["recensioni", "recensione", "glassdoor", "valutazioni online", "opinioni online", "commenti online"])
    },
    WordRule {
        skip_titles: false,
        advice: "blame burns the bridge you are trying to keep; leave it out",
        ..detail("blame", "Blames the employer", &["odio", "odiato", "tossico", "tossica", "tossici", "disorganizzat*", "disorganizzazione", "maleducat*", "scortes*", "poco professional*", "non professional*", "incompetent*", "incompetenza", "perdita di tempo", "tempo perso", "caotic*", "caos", "bugiard*", "mentito", "disonest*", "truffa", "sfrutt*", "mobbing", "irrispettos*", "mancanza di rispetto", "arrogant*", "pigri*", "mai ricevuto risposta", "mal organizzat*", "mal gestit*", "vergogn*"])
    },
    WordRule {
        skip_titles: false,
        unless_followed_by: STATED_REASONS,
        advice: "an explanation gives details and invites an argument; decline without one, or \
                 with only the reason you chose",
        ..detail("explains-because", "Explains the decline", &["perché", "poiché", "dato che", "visto che", "a causa", "per via", "in quanto", "il motivo è", "la ragione è", "siccome"])
    },
    WordRule {
        severity: Warning,
        skip_titles: false,
        advice: "keep a decline warm and neutral, so the door stays open",
        ..detail("negative-tone", "Sounds negative", &["deluso", "delusa", "deludente", "delusione", "frustrat*", "frustrante", "frustrazione", "infastidit*", "arrabbiat*", "inaccettabile", "terribile", "orribile", "pessim*", "ridicol*", "peggiore", "scontent*", "stufo", "stufa", "patetic*", "inutile", "stupid*", "scandalos*"])
    },
];
