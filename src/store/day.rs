//! A calendar day in a row: stored as TEXT `YYYY-MM-DD` (which sorts as dates do), read back
//! as a date, so no caller parses a stored date again.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// A `jiff` date as a column value; serialises as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Day(pub Date);

impl From<Date> for Day {
    fn from(d: Date) -> Self {
        Self(d)
    }
}

impl std::fmt::Display for Day {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl sqlx::Type<sqlx::Any> for Day {
    fn type_info() -> sqlx::any::AnyTypeInfo {
        <str as sqlx::Type<sqlx::Any>>::type_info()
    }
}

impl<'q> sqlx::Encode<'q, sqlx::Any> for Day {
    fn encode_by_ref(
        &self,
        buf: &mut <sqlx::Any as sqlx::Database>::ArgumentBuffer,
    ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
        <String as sqlx::Encode<'q, sqlx::Any>>::encode(self.0.to_string(), buf)
    }
}

impl<'r> sqlx::Decode<'r, sqlx::Any> for Day {
    fn decode(
        value: <sqlx::Any as sqlx::Database>::ValueRef<'r>,
    ) -> Result<Self, sqlx::error::BoxDynError> {
        let text = <&str as sqlx::Decode<'r, sqlx::Any>>::decode(value)?;
        text.parse::<Date>()
            .map(Self)
            .map_err(|e| format!("stored date {text:?} is not YYYY-MM-DD: {e}").into())
    }
}
