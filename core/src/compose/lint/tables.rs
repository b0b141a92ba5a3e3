//! Which lint table each language is read by.

use super::table::Table;
use crate::model::Language;

pub(super) fn of(language: Language) -> &'static Table {
    match language {
        Language::En => &super::en::TABLE,
        Language::De => &super::de::TABLE,
        Language::Fr => &super::fr::TABLE,
        Language::Es => &super::es::TABLE,
        Language::Pt => &super::pt::TABLE,
        Language::It => &super::it::TABLE,
    }
}
