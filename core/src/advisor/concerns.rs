//! Concerns (commute, pay, manager, co-workers, location): you won't know unless you
//! interview. They never recommend declining by themselves, so they only produce cautions
//! and questions for the interview.

use crate::model::Concern;

/// One caution per distinct concern, in the order given, citing the rule.
pub(super) fn cautions(concerns: &[Concern]) -> Vec<String> {
    distinct(concerns).into_iter().map(caution).collect()
}

/// Questions that turn each concern into something to find out at the interview.
pub(super) fn questions(concerns: &[Concern]) -> Vec<String> {
    distinct(concerns)
        .into_iter()
        .map(|c| question(c).to_string())
        .collect()
}

/// The rule for one concern: name it, say it never declines alone, and say how to find out.
fn caution(concern: Concern) -> String {
    let (what, how) = match concern {
        Concern::Commute => ("the commute", "ask about remote days and working hours"),
        Concern::Pay => (
            "pay",
            "ask for the salary range once there is mutual interest",
        ),
        Concern::Manager => ("the manager", "meeting them is how you find out"),
        Concern::Coworkers => ("the co-workers", "ask to meet the team"),
        Concern::Location => (
            "the location",
            "ask about remote work or relocation support",
        ),
    };
    format!(
        "Concern about {what} — you won't know unless you interview: a concern never by \
         itself recommends declining; {how}."
    )
}

fn question(concern: Concern) -> &'static str {
    match concern {
        Concern::Commute => {
            "How many days a week is the team on site, and how flexible are the hours?"
        }
        Concern::Pay => {
            "What is the salary range for this role, and how is pay progression decided?"
        }
        Concern::Manager => {
            "How would you describe the management style of the person this role reports to?"
        }
        Concern::Coworkers => "Could I meet some of the people I would be working with day to day?",
        Concern::Location => {
            "Is remote or hybrid work possible for this role, and is relocation supported?"
        }
    }
}

/// Concerns without repeats, first occurrence first, so a doubled flag gives one caution.
fn distinct(concerns: &[Concern]) -> Vec<Concern> {
    let mut seen = Vec::new();
    for &c in concerns {
        if !seen.contains(&c) {
            seen.push(c);
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_concern_says_you_wont_know_unless_you_interview() {
        let cs = cautions(&Concern::ALL);
        assert_eq!(cs.len(), 5);
        for (c, concern) in cs.iter().zip(Concern::ALL) {
            assert!(c.contains("you won't know unless you interview"), "{c}");
            assert!(c.contains("never by itself recommends declining"), "{c}");
            let name = concern.as_str().trim_end_matches('s');
            assert!(c.replace('-', "").contains(name), "{c} names {name}");
        }
    }

    #[test]
    fn every_concern_has_a_question_and_repeats_collapse() {
        let qs = questions(&[Concern::Pay, Concern::Pay, Concern::Commute]);
        assert_eq!(qs.len(), 2);
        assert!(qs[0].contains("salary"));
        assert!(qs.iter().all(|q| q.ends_with('?')));
        assert_eq!(cautions(&[Concern::Pay, Concern::Pay]).len(), 1);
    }

    #[test]
    fn no_concerns_no_output() {
        assert!(cautions(&[]).is_empty());
        assert!(questions(&[]).is_empty());
    }
}
