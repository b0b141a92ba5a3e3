//! `bowout advise ID`: record the facts and print the advice.

use super::Output;
use crate::actions::{self, AdviseOutcome, App};
use crate::exit::{Status, StdoutError, usage};
use anyhow::{Context, Result};
use bowout_core::model::{Concern, Facts, Gut, Review};
use jiff::civil::Date;
use std::fmt::Write as _;
use std::io::{BufRead, IsTerminal, Read, Write};

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
    /// Ask the facts one by one, reading the answers from standard input even when it is
    /// not a terminal (on a terminal, giving no fact flag does this too).
    #[arg(long)]
    interactive: bool,
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
    if args.interactive && args.any_fact_given() {
        return Err(usage(
            "--interactive asks for the facts itself: give it without fact flags",
        ));
    }
    let ask =
        args.interactive || (!args.any_fact_given() && std::io::stdin().is_terminal() && !out.json);
    let facts = if ask {
        let stdin = std::io::stdin();
        let today = app.clock.today();
        // The questions go where they do not mix with --json output.
        let facts = if out.json {
            checklist(stdin.lock(), std::io::stderr().lock(), false, today)
        } else {
            checklist(stdin.lock(), std::io::stdout().lock(), true, today)
        };
        Some(facts?)
    } else if args.any_fact_given() {
        Some(args.facts())
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
    let commands: Vec<String> = o.commands.iter().map(|c| format!("`{c}`")).collect();
    let _ = writeln!(s, "You decide: {}.", commands.join(" or "));
    s
}

/// The checklist stopped before its last question: nothing is recorded.
#[derive(Debug, thiserror::Error)]
#[error("the checklist ended before it was finished (end of input): nothing was recorded")]
struct Stopped;

/// Longest answer read as one line; anything longer is cut there.
const MAX_ANSWER_BYTES: u64 = 4096;

/// Most reviews the checklist asks about.
const MAX_REVIEWS: usize = 50;

/// Asks questions on `prompts` and reads one answer a line from `input`.
struct Asker<R, W> {
    input: R,
    prompts: W,
    /// `prompts` is standard output, where a closed pipe ends the run quietly.
    on_stdout: bool,
}

impl<R: BufRead, W: Write> Asker<R, W> {
    fn write(&mut self, text: &str) -> Result<()> {
        let written = self
            .prompts
            .write_all(text.as_bytes())
            .and_then(|()| self.prompts.flush());
        match written {
            Err(e) if self.on_stdout => Err(StdoutError(e).into()),
            other => Ok(other.context("cannot write the question")?),
        }
    }

    fn say(&mut self, text: &str) -> Result<()> {
        self.write(&format!("{text}\n"))
    }

    /// One answer, trimmed; the end of input stops the checklist.
    fn line(&mut self, question: &str) -> Result<String> {
        self.write(&format!("{question} "))?;
        let mut raw = Vec::new();
        let read = (&mut self.input)
            .take(MAX_ANSWER_BYTES)
            .read_until(b'\n', &mut raw)
            .context("cannot read the answer from standard input")?;
        if read == 0 {
            return Err(Stopped.into());
        }
        let text = String::from_utf8(raw).context("the answer is not UTF-8 text")?;
        Ok(text.trim().to_string())
    }

    /// Asks until `parse` accepts the answer; each refusal says why.
    fn ask<T>(&mut self, question: &str, parse: impl Fn(&str) -> Result<T, String>) -> Result<T> {
        loop {
            let answer = self.line(question)?;
            match parse(&answer) {
                Ok(value) => return Ok(value),
                Err(why) => self.say(&format!("  {why}"))?,
            }
        }
    }

    fn yes(&mut self, question: &str) -> Result<bool> {
        self.ask(&format!("{question} [y/N]"), |a| {
            match a.to_lowercase().as_str() {
                "y" | "yes" => Ok(true),
                "" | "n" | "no" => Ok(false),
                _ => Err(format!(
                    "{a:?} is not an answer: type y or n (empty means no)."
                )),
            }
        })
    }
}

/// Asks the facts one by one: the six reasons and the exception, communication, the gut,
/// worries and reviews. An answer it does not understand is asked again; the end of input
/// stops it with [`Stopped`].
fn checklist(
    input: impl BufRead,
    prompts: impl Write,
    on_stdout: bool,
    today: Date,
) -> Result<Facts> {
    let mut a = Asker {
        input,
        prompts,
        on_stdout,
    };
    let mut f = Facts {
        started_new_job: a.yes("Have you accepted an offer and started the new job?")?,
        current_job_at_risk: a.yes("Would attending put an acceptable current job at risk?")?,
        poor_fit_after_interview: a
            .yes("Is this a later round for a job you already judged a poor fit?")?,
        bad_feel_earlier_interview: a
            .yes("Did an earlier interview there (another job) feel wrong?")?,
        insider_hates_it: a.yes("Does someone who works there hate it, with good reason?")?,
        worked_there_hated_it: a.yes("Did you work there and hate it?")?,
        dream_job_sure_offer: a.yes("Is it a dream job at a dream employer with a sure offer?")?,
        poor_communication: a.yes("Has the employer communicated poorly?")?,
        ..Facts::default()
    };
    f.gut = a.ask(
        "Your gut feeling? [negative/neutral/positive, empty: neutral]",
        parse_gut,
    )?;
    f.concerns = a.ask(
        "Worries? (commute, pay, manager, coworkers, location; comma-separated; empty: none)",
        parse_concerns,
    )?;
    a.say("Employer reviews you read, one at a time (an empty line when done).")?;
    while f.reviews.len() < MAX_REVIEWS {
        let n = f.reviews.len() + 1;
        let Some(stars) = a.ask(&format!("Review {n}: stars (1-5)?"), |s| {
            if s.is_empty() {
                return Ok(None);
            }
            match s.parse::<u8>() {
                Ok(n @ 1..=5) => Ok(Some(n)),
                _ => Err(format!(
                    "{s:?}: give 1 to 5 stars, or an empty line when done."
                )),
            }
        })?
        else {
            break;
        };
        let date = a.ask(&format!("Review {n}: written on (YYYY-MM-DD)?"), |s| {
            review_date(s, today)
        })?;
        let location = a.ask(
            &format!("Review {n}: about which location? (empty if it does not say)"),
            |s| optional_text("review location", s),
        )?;
        let topic = a.ask(
            &format!("Review {n}: what does it complain about? (a few words; empty to skip)"),
            |s| optional_text("review topic", s),
        )?;
        f.reviews.push(Review {
            stars,
            date,
            location,
            topic,
        });
    }
    if !f.reviews.is_empty() {
        f.job_location = a.ask("Where is this job? (a city; empty to skip)", |s| {
            optional_text("location", s)
        })?;
    }
    Ok(f)
}

fn parse_gut(answer: &str) -> Result<Gut, String> {
    match answer.to_lowercase().as_str() {
        "negative" | "-" => Ok(Gut::Negative),
        "" | "neutral" | "0" => Ok(Gut::Neutral),
        "positive" | "+" => Ok(Gut::Positive),
        _ => Err(format!(
            "{answer:?} is not a gut feeling: type negative, neutral or positive."
        )),
    }
}

fn parse_concerns(answer: &str) -> Result<Vec<Concern>, String> {
    answer
        .split(',')
        .map(|c| c.trim().to_lowercase())
        .filter(|c| !c.is_empty())
        .map(|c| {
            Concern::parse(&c.replace('-', "")).ok_or_else(|| {
                format!(
                    "{c:?} is not one of the worries: commute, pay, manager, coworkers, location."
                )
            })
        })
        .collect()
}

/// A review's date: `YYYY-MM-DD`, not after today.
fn review_date(answer: &str, today: Date) -> Result<Date, String> {
    let date: Date = answer
        .parse()
        .map_err(|_| format!("{answer:?}: give the date as YYYY-MM-DD."))?;
    if date > today {
        return Err(format!(
            "{date} is in the future (today is {today}): give the day the review was written."
        ));
    }
    Ok(date)
}

/// One line of text, or nothing for an empty answer.
fn optional_text(field: &'static str, answer: &str) -> Result<Option<String>, String> {
    if answer.is_empty() {
        return Ok(None);
    }
    one_line_text(field, answer).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

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

    const TODAY: Date = jiff::civil::date(2026, 11, 27);

    fn run(answers: &str) -> (Result<Facts>, String) {
        let mut prompts = Vec::new();
        let facts = checklist(answers.as_bytes(), &mut prompts, false, TODAY);
        (facts, String::from_utf8(prompts).expect("utf-8"))
    }

    #[test]
    fn answers_it_does_not_understand_are_asked_again() {
        let (facts, prompts) =
            run("maybe\nn\n\n\n\n\n\n\ny\nbad\nnegative\npay, parking\npay,commute\n\n");
        let facts = facts.expect("facts");
        assert!(!facts.started_new_job && facts.poor_communication);
        assert_eq!(facts.gut, Gut::Negative);
        assert_eq!(facts.concerns, [Concern::Pay, Concern::Commute]);
        assert!(prompts.contains("\"maybe\" is not an answer"), "{prompts}");
        assert!(
            prompts.contains("\"bad\" is not a gut feeling"),
            "{prompts}"
        );
        assert!(
            prompts.contains("\"parking\" is not one of the worries"),
            "{prompts}"
        );
    }

    #[test]
    fn reviews_are_asked_until_an_empty_line_and_a_future_date_is_asked_again() {
        let (facts, prompts) = run("\n\n\n\n\n\n\n\n\n\n\
             2\n2027-01-01\n2026-03-01\nChicago\nmanagement\n\
             9\n5\n2025-12-24\n\n\n\nChicago, IL\n");
        let facts = facts.expect("facts");
        assert_eq!(facts.reviews.len(), 2, "{prompts}");
        assert_eq!(facts.reviews[0].date, jiff::civil::date(2026, 3, 1));
        assert_eq!(facts.reviews[0].location.as_deref(), Some("Chicago"));
        assert_eq!(facts.reviews[0].topic.as_deref(), Some("management"));
        assert_eq!(
            (facts.reviews[1].stars, facts.reviews[1].location.clone()),
            (5, None)
        );
        assert_eq!(facts.job_location.as_deref(), Some("Chicago, IL"));
        assert!(prompts.contains("2027-01-01 is in the future"), "{prompts}");
        assert!(prompts.contains("\"9\": give 1 to 5 stars"), "{prompts}");
    }

    #[test]
    fn the_end_of_input_stops_the_checklist() {
        for answers in ["", "n\nn\n", "\n\n\n\n\n\n\n\n\n\n2\n"] {
            let (facts, _) = run(answers);
            let err = facts.expect_err("stopped");
            assert!(err.is::<Stopped>(), "{err}");
        }
    }
}
