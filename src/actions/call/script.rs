//! The words of the follow-up call, drawn from the decline that was sent: the call repeats
//! the message, so the user never says something the email did not.

/// What to say if pressed for a reason, in this order (DESIGN §1.5).
pub const IF_PRESSED: [&str; 2] = [
    "The timing is just wrong in this instance, given what else is going on in my job search.",
    "I'm pursuing other opportunities.",
];

/// Who is calling whom about what.
pub(super) struct Context<'a> {
    pub me: &'a str,
    pub my_phone: Option<&'a str>,
    pub contact: Option<&'a str>,
    pub job_title: &'a str,
    pub requisition: Option<&'a str>,
    pub employer: &'a str,
    /// The day the email went out, as read aloud (`Friday 27 November`).
    pub sent_on: &'a str,
}

impl Context<'_> {
    fn about(&self) -> String {
        let req = self
            .requisition
            .map(|r| format!(" ({r})"))
            .unwrap_or_default();
        format!(
            "the interview invitation for the {} position{req} at {}",
            self.job_title, self.employer
        )
    }

    fn hello(&self) -> String {
        format!("Hello {}", self.contact.unwrap_or("there"))
    }
}

/// The call when someone answers: greeting, the email's own paragraphs, thanks.
pub(super) fn script(ctx: &Context<'_>, body: &str) -> Vec<String> {
    let mut lines = vec![
        format!(
            "{}, this is {}. I'm calling about {}.",
            ctx.hello(),
            ctx.me,
            ctx.about()
        ),
        format!(
            "I sent you an email on {}, and I wanted to make sure it reached you.",
            ctx.sent_on
        ),
    ];
    lines.extend(paragraphs(body));
    lines.push("Thank you again for your time.".to_string());
    lines
}

/// The message to leave: shorter, with a way to call back.
pub(super) fn voicemail(ctx: &Context<'_>, body: &str) -> String {
    let paras = paragraphs(body);
    let decision = paras
        .iter()
        .find(|p| {
            let l = p.to_lowercase();
            l.contains("withdraw") || l.contains("declin")
        })
        .or(paras.first())
        .cloned()
        .unwrap_or_default();
    let call_back = ctx
        .my_phone
        .map(|p| format!(" You can reach me at {p}."))
        .unwrap_or_default();
    format!(
        "{}, this is {}, calling about {}. {decision} I sent you an email with the details on \
         {}.{call_back} Thank you, goodbye.",
        ctx.hello(),
        ctx.me,
        ctx.about(),
        ctx.sent_on
    )
    .replace("  ", " ")
}

/// The body's paragraphs without the greeting, the receipt request and the sign-off, each
/// folded onto one line.
pub(super) fn paragraphs(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, para) in body.replace("\r\n", "\n").split("\n\n").enumerate() {
        let text = para.split_whitespace().collect::<Vec<_>>().join(" ");
        let lower = text.to_lowercase();
        if text.is_empty() || (i == 0 && text.ends_with(',') && text.len() <= 80) {
            continue;
        }
        if is_sign_off(&lower) {
            break;
        }
        if lower.contains("reply so that") || lower.contains("confirm receipt") {
            continue;
        }
        out.push(text);
    }
    out
}

fn is_sign_off(lower: &str) -> bool {
    [
        "best regards",
        "kind regards",
        "regards,",
        "sincerely",
        "best wishes",
        "with thanks,",
        "best,",
        "cheers,",
        "mit freundlichen",
        "viele grüße",
        "saludos",
        "cordialement",
    ]
    .iter()
    .any(|s| lower.starts_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "Dear Ann Lee,\n\nThank you for the invitation to interview.\n\n\
        I have accepted a position elsewhere, so I am withdrawing from consideration.\n\n\
        Perhaps the timing will be better at some point in the future.\n\n\
        Please reply so that I know you have received this message.\n\n\
        Best regards,\nDana Whitfield\n+1 555 0100\n";

    fn ctx() -> Context<'static> {
        Context {
            me: "Dana Whitfield",
            my_phone: Some("+1 555 0100"),
            contact: Some("Ann Lee"),
            job_title: "Data Analyst",
            requisition: Some("4471"),
            employer: "Globex",
            sent_on: "Friday 27 November",
        }
    }

    #[test]
    fn the_script_repeats_the_email_without_greeting_receipt_request_or_signature() {
        let lines = script(&ctx(), BODY);
        let all = lines.join("\n");
        assert!(lines[0].starts_with("Hello Ann Lee, this is Dana Whitfield."));
        assert!(all.contains("withdrawing from consideration"));
        assert!(all.contains("Perhaps the timing"));
        assert!(!all.contains("Dear Ann"));
        assert!(!all.contains("Please reply"));
        assert!(!all.contains("Best regards"));
    }

    #[test]
    fn the_voicemail_names_the_decision_and_a_number() {
        let v = voicemail(&ctx(), BODY);
        assert!(v.contains("withdrawing from consideration"), "{v}");
        assert!(v.contains("You can reach me at +1 555 0100."), "{v}");
        assert!(v.contains("Friday 27 November"), "{v}");
        assert!(!v.contains("Perhaps"), "{v}");
    }
}
