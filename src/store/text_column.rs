//! Enums stored as TEXT: a row holds the enum, the column holds its name, and a name the
//! enum does not know is a decode error naming the value, never a silent default.

/// Implements sqlx's `Type`, `Encode` and `Decode` for the `Any` driver, and serde's
/// `Deserialize`, for an enum with `as_str(self) -> &'static str` and
/// `parse(&str) -> Option<Self>`.
macro_rules! text_column {
    ($ty:ty, $what:literal) => {
        impl sqlx::Type<sqlx::Any> for $ty {
            fn type_info() -> sqlx::any::AnyTypeInfo {
                <str as sqlx::Type<sqlx::Any>>::type_info()
            }
        }

        impl<'q> sqlx::Encode<'q, sqlx::Any> for $ty {
            fn encode_by_ref(
                &self,
                buf: &mut <sqlx::Any as sqlx::Database>::ArgumentBuffer,
            ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
                <&str as sqlx::Encode<'q, sqlx::Any>>::encode(self.as_str(), buf)
            }
        }

        impl<'r> sqlx::Decode<'r, sqlx::Any> for $ty {
            fn decode(
                value: <sqlx::Any as sqlx::Database>::ValueRef<'r>,
            ) -> Result<Self, sqlx::error::BoxDynError> {
                let text = <&str as sqlx::Decode<'r, sqlx::Any>>::decode(value)?;
                <$ty>::parse(text)
                    .ok_or_else(|| format!("unknown {} {text:?} in the store", $what).into())
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = String::deserialize(d)?;
                <$ty>::parse(&text)
                    .ok_or_else(|| serde::de::Error::custom(format!("unknown {} {text:?}", $what)))
            }
        }
    };
}

text_column!(crate::mail::outbox::Status, "message status");
