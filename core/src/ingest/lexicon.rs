//! Word lists that rules of several stages share, lowercase unless said otherwise. Imports
//! nothing, so that `read`, `classify` and `extract` may all read it.

/// Words for a job interview, in the languages bowout classifies (en, es, de, fr), and the
/// events that are one without the word ("a selection day", "meet the panel", "a video call
/// with the hiring manager", "the first stage").
#[rustfmt::skip]
pub const INTERVIEW: &[&str] = &[
    "interview", "phone screen", "screening call", "intro call", "onsite", "entrevista",
    "entrevue", "entretien", "vorstellungsgespräch", "bewerbungsgespräch", "kennenlerngespräch",
    "vorstellungsgespraech", "gespräch", "colloquio", "final round", "first round",
    "second round", "round two", "round 2", "2nd round", "final stage", "1st round",
    "selection day", "meet the panel", "meet our panel", "assessment centre", "assessment center",
    "with the hiring manager", "with our hiring manager", "first stage", "second stage",
    "stage 2", "next round",
];

/// Days of the week and months: words of a date, never of a name.
#[rustfmt::skip]
pub const CALENDAR: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
];

/// Applicant tracking systems and scheduling tools: they send the mail, they never hire.
#[rustfmt::skip]
pub const ATS: &[&str] = &[
    "greenhouse", "lever", "workday", "myworkday", "icims", "smartrecruiters", "ashby", "ashbyhq",
    "jobvite", "taleo", "successfactors", "bamboohr", "workable", "recruitee", "teamtailor",
    "personio", "jazzhr", "breezy", "pinpoint", "gem", "goodtime", "calendly", "paradox", "phenom",
    "avature", "cornerstone", "oracle", "hirebridge", "applytojob", "recruiterbox", "comeet",
    "join", "softgarden", "rexx", "dvinci", "talentlink", "hibob", "rippling", "karat", "hirevue",
    "coderpad", "codility", "hackerrank", "brighthire", "modernloop", "welcomekit",
];

/// Free web-mail providers: no company hires from these.
#[rustfmt::skip]
pub const FREE_MAIL: &[&str] = &[
    "gmail", "googlemail", "yahoo", "ymail", "hotmail", "outlook", "live", "msn", "aol", "icloud",
    "me", "mac", "protonmail", "proton", "gmx", "web", "yandex", "mail", "zoho", "tutanota",
    "inbox", "fastmail", "hushmail", "qq", "163", "126", "rediffmail", "t-online", "freenet",
    "libero", "laposte", "orange", "wanadoo", "terra", "telefonica",
];

/// Words that make a signature segment a job title rather than a company.
#[rustfmt::skip]
pub const ROLE_WORDS: &[&str] = &[
    "recruiter", "recruiting", "recruitment", "talent", "partner", "specialist", "manager",
    "director", "lead", "coordinator", "generalist", "analyst", "ceo", "cto", "coo", "cfo",
    "founder", "co-founder", "principal", "consultant", "officer", "head", "advisor", "adviser",
    "vp", "president", "engineer", "scientist", "sourcer", "associate", "executive", "assistant",
    "administrator", "representative", "hr", "human", "people", "acquisition", "senior",
    "conseillère", "conseiller", "leiter", "leiterin", "referent", "referentin", "reclutadora",
    "reclutador", "responsable", "owner", "staff", "account", "teamleiter", "teamleiterin",
    "geschäftsführer", "geschäftsführerin", "jefe", "jefa", "gerente", "directora", "directeur",
    "directrice", "chef", "chargé", "chargée", "arquitecta", "arquitecto", "architecte",
];

/// Suffixes a sender adds to a company name in a display name or signature.
#[rustfmt::skip]
pub const DEPARTMENT_SUFFIXES: &[&str] = &[
    "human resources department", "human resources", "talent acquisition team",
    "talent acquisition", "talent team", "recruiting team", "recruitment team", "recruiting",
    "recruitment", "careers", "career", "jobs", "hiring team", "hiring", "hr department",
    "hr team", "hr", "people team", "team",
];

/// Words that say a company is a recruitment agency.
#[rustfmt::skip]
pub const AGENCY_WORDS: &[&str] = &[
    "staffing", "talent partners", "search group", "search partners", "executive search",
    "placement", "headhunt", "personnel", "personalberatung", "personaldienst",
    "employment agency", "talent solutions", "resourcing", "recruitment", "recruiting",
    "recruiters",
];

/// Job-title head nouns: a phrase that names a job ends with (or contains) one of these.
#[rustfmt::skip]
pub const TITLE_HEADS: &[&str] = &[
    "analyst", "engineer", "developer", "scientist", "manager", "specialist", "assistant",
    "coordinator", "director", "designer", "consultant", "architect", "administrator",
    "representative", "associate", "officer", "lead", "accountant", "technician", "intern",
    "programmer", "researcher", "writer", "editor", "nurse", "teacher", "advisor", "agent",
    "clerk", "strategist", "marketer", "planner", "head", "executive", "operator", "tester",
    "scrum master", "product owner", "buyer", "controller", "auditor", "economist",
    "statistician", "entwickler", "entwicklerin", "berater", "beraterin", "analista", "ingeniero",
    "ingeniera", "desarrollador", "desarrolladora", "analyste", "ingénieur", "sachbearbeiter",
    "referent", "supervisor", "receptionist", "cashier", "attendant", "pharmacist", "therapist",
    "paralegal", "bookkeeper", "mechanic", "electrician", "instructor", "professor", "lecturer",
    "librarian", "counselor", "dispatcher", "inspector", "physician", "hygienist", "asistente",
    "auxiliar", "administrativo", "administrativa", "técnico", "técnica", "gerente", "arquitecto",
    "arquitecta", "programador", "programadora", "consultor", "consultora", "coordinador",
    "coordinadora", "diseñador", "diseñadora", "développeur", "développeuse", "ingénieure",
    "technicien", "technicienne", "architecte", "consultante", "gestionnaire", "comptable",
    "ingenieur", "ingenieurin", "architekt", "architektin", "werkstudent", "werkstudentin",
    "moderator", "ambassador", "coach", "trainer", "recruiter", "sourcer", "processor",
    "handler", "adjuster", "underwriter",
];

/// Capitalised words that are never part of a person's name in a mail. Neither are the words
/// of [`CALENDAR`] nor the legal forms of company names ([`crate::model::legal_form`]).
#[rustfmt::skip]
pub const NOT_NAME: &[&str] = &[
    "the", "and", "our", "your", "with", "for", "from", "data", "senior", "staff", "junior",
    "manager", "director", "analyst", "engineer", "team", "hiring", "interview", "panel", "round",
    "final", "first", "second", "technical", "product", "analytics", "analytical", "head", "lead",
    "vp", "ceo", "cto", "zoom", "teams", "google", "microsoft", "meet", "video", "phone", "call",
    "hi", "hello", "dear", "thanks", "thank", "best", "regards", "sincerely", "cheers", "please",
    "let", "lunch", "wrap-up", "coding", "values", "cross-functional", "people", "talent",
    "acquisition", "human", "resources", "recruiter", "recruiting", "coordinator", "scientist",
    "developer", "specialist", "business", "intelligence", "department", "office", "city", "hall",
    "room", "street", "reporting", "insights", "learning", "claims", "research", "platform",
    "payments", "subsurface", "enterprise", "budget", "finance", "management", "liaison",
    "engineering", "design", "marketing", "sales", "operations", "support", "group", "company",
    "university", "remote", "hybrid", "a", "an", "assessments", "slides", "sessions", "session",
    "schedule", "proposed", "welcome", "vision", "deep", "dive", "case", "sense", "sql", "python",
    "modeling", "pipeline", "hr", "via", "telegram", "whatsapp", "signal", "chat", "mr", "ms",
    "mrs", "dr", "prof", "i", "we", "congrats", "congratulations", "great", "news", "good",
    "morning", "afternoon", "evening", "time", "full", "part", "contract", "permanent", "social",
    "security", "number", "bank", "name", "verification", "background", "power", "bi", "credit",
    "union", "health", "labs", "systems", "games", "freight", "energy", "capital", "insurance",
    "mutual", "software", "partners", "services", "solutions", "technologies", "logistique",
    "logistics", "candidate", "home", "form", "portal", "code", "date", "location", "salary", "pay",
    "hours", "benefits", "note", "details", "position", "title", "job", "type", "start", "ref",
    "id", "avenue", "plaza", "floor", "suite", "reception", "lobby", "garage", "parking",
    "pharmaceuticals", "international", "global", "holdings", "bakeries", "foods", "consulting",
    "bridge", "recursos", "humanos", "ressources", "humaines", "departamento", "département",
    "abteilung", "personalabteilung", "rrhh", "contact", "email", "ask", "reach", "write", "text",
    "reply", "questions", "bonjour", "hola", "hallo", "guten", "buenos", "buenas", "ciao", "salut",
    "hey", "estimado", "estimada", "sehr", "liebe", "lieber", "querido", "querida", "cher", "chère",
    "financial", "hotels", "hospitality", "media", "studios", "robotics", "aerospace", "pharma",
    "therapeutics", "biosciences", "networks", "mobility", "airlines", "motors", "industries",
    "manufacturing", "retail", "markets", "ventures", "clinical", "programme", "program",
    "redesign", "integrated", "care", "central", "north", "south", "northern", "southern",
    "eastern", "western", "region", "regional", "hospital", "trust", "council", "nursing",
    "quality", "compliance",
];
