//! `bowout advise ID`: record the facts and print the advice.

use super::Output;
use crate::actions::{self, AdviseOutcome, App};
use crate::exit::Status;
use anyhow::Result;
use bowout_core::model::{Concern, Facts, Gut, Review};
use std::fmt::Write as _;
use std::io::{BufRead, IsTerminal};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Invitation id (or a unique prefix).
    id: String,
    /// Reason 1: you accepted an offer and started the new job.
    #[arg(long)]
    started_new_job: bool,
    /// Reason 2: your acceptable current job would be put at risk by attending.
    #[arg(long)]
    current_job_at_risk: bool,
    /// Reason 3: a later round for a job you already judged a poor fit.
    #[arg(long)]
    poor_fit_after_interview: bool,
    /// Reason 4: an earlier interview there, for another job, felt wrong.
    #[arg(long)]
    bad_feel_earlier_interview: bool,
    /// Reason 5: someone who works there hates it, with good reason.
    #[arg(long)]
    insider_hates_it: bool,
    /// Reason 6: you worked there, hated it, and don't want to repeat it.
    #[arg(long)]
    worked_there_hated_it: bool,
    /// The exception: a dream job at a dream employer with a sure offer.
    #[arg(long)]
    dream_job_sure_offer: bool,
    /// The employer communicates poorly.
    #[arg(long)]
    poor_communication: bool,
    /// A worry that never decides by itself; repeatable.
    #[arg(long, value_parser = ["commute", "pay", "manager", "coworkers", "location"])]
    concern: Vec<String>,
    /// Your gut feeling.
    #[arg(long, value_parser = ["negative", "neutral", "positive"])]
    gut: Option<String>,
    /// An employer review you read: "stars,YYYY-MM-DD,location[,topic]"; repeatable.
    #[arg(long, value_name = "\"stars,YYYY-MM-DD,location\"", value_parser = parse_review)]
    review: Vec<Review>,
    /// Where the job is (to tell reviews about other locations apart).
    #[arg(long, value_name = "PLACE", value_parser = |s: &str| one_line_text("location", s))]
    location: Option<String>,
}

impl Args {
    fn any_fact_given(&self) -> bool {
        self.started_new_job
            || self.current_job_at_risk
            || self.poor_fit_after_interview
            || self.bad_feel_earlier_interview
            || self.insider_hates_it
            || self.worked_there_hated_it
            || self.dream_job_sure_offer
            || self.poor_communication
            || !self.concern.is_empty()
            || self.gut.is_some()
            || !self.review.is_empty()
            || self.location.is_some()
    }

    fn facts(&self) -> Facts {
        Facts {
            started_new_job: self.started_new_job,
            current_job_at_risk: self.current_job_at_risk,
            poor_fit_after_interview: self.poor_fit_after_interview,
            bad_feel_earlier_interview: self.bad_feel_earlier_interview,
            insider_hates_it: self.insider_hates_it,
            worked_there_hated_it: self.worked_there_hated_it,
            dream_job_sure_offer: self.dream_job_sure_offer,
            poor_communication: self.poor_communication,
            concerns: self
                .concern
                .iter()
                .filter_map(|c| Concern::parse(c))
                .collect(),
            gut: self.gut.as_deref().and_then(Gut::parse).unwrap_or_default(),
            reviews: self.review.clone(),
            job_location: self.location.clone(),
        }
    }
}

/// One line of at most 200 characters, named `field` in the error.
fn one_line_text(field: &'static str, s: &str) -> Result<String, String> {
    bowout_core::model::text::single_line(field, s, 200).map_err(|e| e.to_string())
}

/// `stars,YYYY-MM-DD,location[,topic]`; a bad one is a usage error, found by clap.
pub fn parse_review(raw: &str) -> Result<Review, String> {
    let parts: Vec<&str> = raw.splitn(4, ',').map(str::trim).collect();
    let [stars, date, rest @ ..] = parts.as_slice() else {
        return Err(
            "give \"stars,YYYY-MM-DD,location\" (e.g. \"2,2026-03-01,Chicago\")".to_string(),
        );
    };
    let stars: u8 = match stars.parse() {
        Ok(n @ 1..=5) => n,
        _ => return Err("stars must be 1 to 5".to_string()),
    };
    let date = date
        .parse::<jiff::civil::Date>()
        .map_err(|_| "the date must be YYYY-MM-DD".to_string())?;
    let location = rest
        .first()
        .filter(|s| !s.is_empty())
        .map(|s| one_line_text("review location", s))
        .transpose()?;
    let topic = rest
        .get(1)
        .filter(|s| !s.is_empty())
        .map(|s| one_line_text("review topic", s))
        .transpose()?;
    Ok(Review {
        stars,
        date,
        location,
        topic,
    })
}

pub async fn run(app: &App, args: Args, out: &Output) -> Result<Status> {
    let facts = if args.any_fact_given() {
        Some(args.facts())
    } else if std::io::stdin().is_terminal() && !out.json {
        Some(checklist()?)
    } else {
        None
    };
    let outcome = actions::advise(app, &args.id, facts).await?;
    out.either(&outcome, || render(&outcome))?;
    Ok(Status::Success)
}

fn render(o: &AdviseOutcome) -> String {
    let a = &o.advice;
    let verdict = a.verdict.as_str();
    let mut s = format!("Advice: {verdict}\n");
    for (title, items) in [
        ("Why", &a.reasons),
        ("Cautions", &a.cautions),
        ("Questions to ask at the interview", &a.questions),
    ] {
        if !items.is_empty() {
            let _ = writeln!(s, "{title}:");
            for i in items {
                let _ = writeln!(s, "  - {i}");
            }
        }
    }
    s.push_str("You decide: `bowout decline ID` or `bowout accept ID`.\n");
    s
}

/// Asks the facts one by one on the terminal.
fn checklist() -> Result<Facts> {
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    let mut ask = |q: &str| -> Result<String> {
        super::output::write_stdout(format!("{q} ").as_bytes())?;
        Ok(lines
            .next()
            .transpose()?
            .unwrap_or_default()
            .trim()
            .to_lowercase())
    };
    let mut yes = |q: &str| -> Result<bool> {
        Ok(matches!(ask(&format!("{q} [y/N]"))?.as_str(), "y" | "yes"))
    };
    let mut f = Facts {
        started_new_job: yes("Have you accepted an offer and started the new job?")?,
        current_job_at_risk: yes("Would attending put an acceptable current job at risk?")?,
        poor_fit_after_interview: yes(
            "Is this a later round for a job you already judged a poor fit?",
        )?,
        bad_feel_earlier_interview: yes(
            "Did an earlier interview there (another job) feel wrong?",
        )?,
        insider_hates_it: yes("Does someone who works there hate it, with good reason?")?,
        worked_there_hated_it: yes("Did you work there and hate it?")?,
        dream_job_sure_offer: yes("Is it a dream job at a dream employer with a sure offer?")?,
        poor_communication: yes("Has the employer communicated poorly?")?,
        ..Facts::default()
    };
    f.gut = match ask("Your gut feeling? [negative/neutral/positive]")?.as_str() {
        "negative" | "n" | "-" => Gut::Negative,
        "positive" | "p" | "+" => Gut::Positive,
        _ => Gut::Neutral,
    };
    let concerns = ask("Worries (commute, pay, manager, coworkers, location; comma-separated)?")?;
    f.concerns = concerns
        .split(',')
        .filter_map(|c| Concern::parse(c.trim()))
        .collect();
    Ok(f)
}

#[cfg(test)]
mod tests {
    use super::parse_review;

    #[test]
    fn reviews_parse_and_refuse_bad_input() {
        let r = parse_review("2,2025-03-01,Chicago,management").expect("valid");
        assert_eq!(
            (r.stars, r.location.as_deref(), r.topic.as_deref()),
            (2, Some("Chicago"), Some("management"))
        );
        assert!(parse_review("6,2025-03-01,Chicago").is_err());
        assert!(parse_review("2,March,Chicago").is_err());
        assert!(parse_review("2").is_err());
    }
}
