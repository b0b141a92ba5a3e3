//! The formal letter's record (one per invitation) and the contacts' postal addresses it
//! is sent to.

use super::rows::LetterRow;
use super::{Conn, StoreError};
use sqlx::AssertSqlSafe;

/// The invitation's letter record, if a letter was ever rendered or mailed.
pub async fn load_letter(
    conn: &mut Conn,
    invitation_id: &str,
) -> Result<Option<LetterRow>, StoreError> {
    Ok(
        sqlx::query_as(AssertSqlSafe(LetterRow::select("WHERE invitation_id = $1")))
            .bind(invitation_id)
            .fetch_optional(conn)
            .await?,
    )
}

/// Writes the record whole, replacing the previous one (the timeline keeps the history).
pub async fn save_letter(conn: &mut Conn, row: &LetterRow) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM letters WHERE invitation_id = $1")
        .bind(&row.invitation_id)
        .execute(&mut *conn)
        .await?;
    row.insert(conn).await?;
    Ok(())
}

/// Letters mailed whose return receipt has not been recorded, oldest mailing first.
pub async fn letters_awaiting_receipt(conn: &mut Conn) -> Result<Vec<LetterRow>, StoreError> {
    Ok(sqlx::query_as(AssertSqlSafe(LetterRow::select(
        "WHERE mailed_on IS NOT NULL AND receipt_on IS NULL ORDER BY mailed_on, invitation_id",
    )))
    .fetch_all(conn)
    .await?)
}

/// Sets (or, with `None`, clears) one contact's postal address, several lines joined by
/// `\n`. Fails with `NotFound` when the contact is not one of the invitation's.
pub async fn set_postal_address(
    conn: &mut Conn,
    invitation_id: &str,
    contact_id: &str,
    address: Option<&str>,
) -> Result<(), StoreError> {
    let done =
        sqlx::query("UPDATE contacts SET postal_address = $1 WHERE id = $2 AND invitation_id = $3")
            .bind(address.map(str::to_owned))
            .bind(contact_id)
            .bind(invitation_id)
            .execute(conn)
            .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound {
            what: "contact",
            id: contact_id.to_string(),
        });
    }
    Ok(())
}

/// Every letter record, by invitation.
pub async fn list_letters(conn: &mut Conn) -> Result<Vec<LetterRow>, StoreError> {
    Ok(sqlx::query_as(AssertSqlSafe(LetterRow::select_all()))
        .fetch_all(conn)
        .await?)
}
