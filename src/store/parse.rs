//! Reading stored text back through the model's validation.

use bowout_core::model::ModelError;

/// Parses an optional column with the model's parser: `None` stays `None`.
pub(super) fn optional<T>(
    value: Option<&str>,
    parse: impl Fn(&str) -> Result<T, ModelError>,
) -> Result<Option<T>, ModelError> {
    value.map(parse).transpose()
}
