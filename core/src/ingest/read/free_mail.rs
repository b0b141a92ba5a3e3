//! Free web-mail domains: no company hires from them, so a sender there is a red flag and
//! the domain names no employer.

use crate::ingest::lexicon::{ATS, FREE_MAIL};
use crate::model::organisation_domain;

/// A free web-mail domain: a known provider, or a short `…mail`/`…post` name of the same
/// shape (`hotpost`, `quickmail`). ATS sending domains (`greenhouse-mail`) are not.
pub fn is_free_mail(domain: &str) -> bool {
    let org = organisation_domain(domain);
    let label = org.split('.').next().unwrap_or("");
    if FREE_MAIL.contains(&label) {
        return true;
    }
    if ATS.iter().any(|a| label.contains(a)) {
        return false;
    }
    let mailish =
        |t: &str| t.ends_with("mail") || t.ends_with("post") || t.ends_with("box") || t == "correo";
    // `quickmail`, `fastinbox`, `mailhub`, `inboxly`: one short word built on a mail word.
    let shaped = !label.contains('-')
        && label.len() <= 12
        && (mailish(label) || label.starts_with("mail") || label.starts_with("inbox"));
    // `outlook-mail`, `securemail-free`, `correo-gratis`: a provider's name, or a mail word
    // next to "free", with a hyphen. Generic words alone (`mail`, `web`) are not providers.
    let tokens: Vec<&str> = label.split('-').collect();
    let provider = tokens.len() > 1
        && tokens
            .iter()
            .any(|t| t.len() >= 4 && FREE_MAIL.contains(t) && !matches!(*t, "mail" | "live"));
    let free_word = tokens
        .iter()
        .any(|t| matches!(*t, "free" | "gratis" | "gratuit"));
    // `postbox-mail`, `quickpost-mail`, `freemail-box`: nothing but mail words.
    let all_mail = tokens.len() > 1 && tokens.iter().all(|t| mailish(t) || t.starts_with("mail"));
    shaped || provider || all_mail || (free_word && tokens.iter().any(|t| mailish(t)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_mail_shapes() {
        assert!(is_free_mail("gmail.com"));
        assert!(is_free_mail("quickmail.example"));
        assert!(!is_free_mail("us.greenhouse-mail.example"));
        assert!(!is_free_mail("acme.example"));
        assert!(is_free_mail("outlook-mail.example"));
        assert!(is_free_mail("correo-gratis.example"));
        assert!(!is_free_mail("acme-mail.example"));
    }
}
