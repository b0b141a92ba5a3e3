//! Spanish (Spain, Latin America): the lint table (see [`super::table`]).

use super::Severity::Warning;
use super::claim::ClaimWords;
use super::table::Table;
use super::vocab::{WordRule, detail};

pub(super) const TABLE: Table = Table {
    rules: RULES,
    claim: ClaimWords {
        verbs: &[
            "aceptado",
            "aceptar",
            "acepto",
            "aceptando",
            "firmado",
            "empezado",
            "comenzado",
            "incorporado",
            "incorporarme",
        ],
        fillers: &[
            "un", "una", "otro", "otra", "nuevo", "nueva", "el", "la", "ya",
        ],
        job_words: &["puesto", "empleo", "trabajo", "oferta", "contrato", "cargo"],
        not_a_claim_after: &["entrevista", "descripción", "anuncio", "candidatura"],
    },
    receipt: &[
        "confirm*",
        "recibido",
        "recepción",
        "responder",
        "respuesta",
        "acuse",
    ],
    receipt_example: "¿Podría confirmarme que ha recibido este mensaje?",
    titles_by_case: true,
    elisions: false,
};

/// The reasons a decline may state after "because": the two a user chooses from.
#[rustfmt::skip]
const STATED_REASONS: &[&str] = &["he aceptado otro puesto", "he aceptado un puesto", "he aceptado una oferta", "he aceptado otra oferta", "he llegado a la conclusión"];

#[rustfmt::skip]
const RULES: &[WordRule] = &[
    detail("detail-pay", "Mentions pay", &["sueldo*", "salario*", "salarial*", "remuneración", "retribución", "paga", "dinero", "bonus", "mal pagado*", "nómina"]),
    detail("detail-commute", "Mentions the commute", &["desplazamiento*", "trayecto*", "tráfico", "demasiado lejos", "distancia", "aparcamiento", "transporte"]),
    detail("detail-location", "Mentions the location", &["ubicación", "localización", "mudarme", "mudanza", "traslado", "reubicación", "barrio"]),
    WordRule {
        unless_before: &["de", "del", "puesto"],
        ..detail("detail-manager", "Mentions the manager", &["jefe", "jefa", "jefes", "supervisor", "supervisora", "superior", "superiores", "responsable directo", "mánager", "manager"])
    },
    detail("detail-coworkers", "Mentions co-workers", &["compañeros", "compañeras", "sus empleados", "su plantilla", "la gente de allí", "el ambiente"]),
    WordRule {
        skip_titles: false,
        advice: "never tell an employer what reviews say about it; ask about the issues at an \
                 interview instead, or leave them out",
        ..detail("mentions-reviews", "Mentions reviews", &["reseñas", "opiniones", "glassdoor", "valoraciones", "comentarios en internet", "malas opiniones"])
    },
    WordRule {
        skip_titles: false,
        advice: "blame burns the bridge you are trying to keep; leave it out",
        ..detail("blame", "Blames the employer", &["odio", "odié", "tóxico", "tóxica", "tóxicos", "desorganizad*", "desorganización", "maleducad*", "grosero*", "poco profesional", "falta de profesionalidad", "incompetent*", "incompetencia", "pérdida de tiempo", "perder el tiempo", "caótico", "caótica", "caos", "mentiroso*", "mintieron", "deshonest*", "estafa", "explot*", "acoso", "irrespetuos*", "falta de respeto", "arrogant*", "nunca me respondieron", "mal organizad*", "mal gestionad*", "desastre"])
    },
    WordRule {
        skip_titles: false,
        unless_followed_by: STATED_REASONS,
        advice: "an explanation gives details and invites an argument; decline without one, or \
                 with only the reason you chose",
        ..detail("explains-because", "Explains the decline", &["porque", "debido a", "ya que", "puesto que", "a causa de", "dado que", "por culpa de", "el motivo es", "la razón es"])
    },
    WordRule {
        severity: Warning,
        skip_titles: false,
        advice: "keep a decline warm and neutral, so the door stays open",
        ..detail("negative-tone", "Sounds negative", &["decepcionad*", "decepcionante", "decepción", "frustrad*", "frustrante", "frustración", "molest*", "enfadad*", "inaceptable", "terrible", "horrible", "espantoso", "ridícul*", "peor", "furioso", "harto", "harta", "lamentable", "patético", "inútil", "estúpido", "vergüenza"])
    },
];
