//! Portuguese (Portugal, Brazil): the lint table (see [`super::table`]).

use super::Severity::Warning;
use super::claim::ClaimWords;
use super::table::Table;
use super::vocab::{WordRule, detail};

pub(super) const TABLE: Table = Table {
    rules: RULES,
    claim: ClaimWords {
        verbs: &[
            "aceitei", "aceite", "aceitar", "aceito", "assinei", "comecei", "iniciei", "aceitou",
        ],
        fillers: &[
            "um", "uma", "outro", "outra", "novo", "nova", "o", "a", "já",
        ],
        job_words: &[
            "proposta", "emprego", "função", "cargo", "posto", "oferta", "contrato", "vaga",
        ],
        not_a_claim_after: &["entrevista", "descrição", "anúncio", "candidatura"],
    },
    receipt: &[
        "confirm*",
        "receção",
        "recepção",
        "recebido",
        "recebeu",
        "responder",
        "resposta",
    ],
    receipt_example: "Agradeço que me confirme a receção desta mensagem.",
    titles_by_case: true,
    elisions: false,
};

/// The reasons a decline may state after "because": the two a user chooses from.
#[rustfmt::skip]
const STATED_REASONS: &[&str] = &["aceitei outra proposta", "aceitei uma proposta", "aceitei outro emprego", "cheguei à conclusão"];

#[rustfmt::skip]
const RULES: &[WordRule] = &[
    detail("detail-pay", "Mentions pay", &["salário*", "salarial", "remuneração", "ordenado", "vencimento", "dinheiro", "bónus", "bônus", "mal pago*"]),
    detail("detail-commute", "Mentions the commute", &["deslocação", "deslocações", "deslocamento", "trajeto", "trânsito", "demasiado longe", "muito longe", "distância", "estacionamento", "transportes"]),
    detail("detail-location", "Mentions the location", &["localização", "mudar de casa", "mudança", "relocalização", "bairro"]),
    WordRule {
        unless_before: &["de", "da", "do"],
        ..detail("detail-manager", "Mentions the manager", &["chefe", "chefes", "chefia", "superior hierárquico", "supervisor", "supervisora", "gestor", "gestora", "manager"])
    },
    detail("detail-coworkers", "Mentions co-workers", &["colegas", "os seus funcionários", "os vossos funcionários", "a equipa era", "o ambiente"]),
    WordRule {
        skip_titles: false,
        advice: "never tell an employer what reviews say about it; ask about the issues at an \
                 interview instead, or leave them out",
        ..detail("mentions-reviews", "Mentions reviews", &["avaliações", "comentários", "glassdoor", "opiniões", "críticas"])
    },
    WordRule {
        skip_titles: false,
        advice: "blame burns the bridge you are trying to keep; leave it out",
        ..detail("blame", "Blames the employer", &["odeio", "odiei", "tóxico", "tóxica", "tóxicos", "desorganizad*", "desorganização", "mal educad*", "malcriad*", "pouco profissional", "falta de profissionalismo", "incompetent*", "incompetência", "perda de tempo", "caótic*", "caos", "mentiros*", "mentiram", "desonest*", "burla", "explor*", "assédio", "desrespeit*", "falta de respeito", "arrogant*", "preguiços*", "nunca responderam", "mal organizad*", "mal gerid*", "vergonh*"])
    },
    WordRule {
        skip_titles: false,
        unless_followed_by: STATED_REASONS,
        advice: "an explanation gives details and invites an argument; decline without one, or \
                 with only the reason you chose",
        ..detail("explains-because", "Explains the decline", &["porque", "devido a", "devido ao", "devido à", "visto que", "dado que", "por causa", "uma vez que", "o motivo é", "a razão é", "já que"])
    },
    WordRule {
        severity: Warning,
        skip_titles: false,
        advice: "keep a decline warm and neutral, so the door stays open",
        ..detail("negative-tone", "Sounds negative", &["desiludid*", "dececionad*", "decepcionad*", "desilusão", "frustrad*", "frustrante", "frustração", "irritad*", "chatead*", "inaceitável", "terrível", "horrível", "ridícul*", "pior", "zangad*", "farto", "farta", "lamentável", "patétic*", "inútil", "estúpid*"])
    },
];
