#!/usr/bin/env python3
"""Writes an mbox of N distinct interview invitations (for scripts/bench-web): each from its
own employer, with its own requisition and Message-ID, on dates spread over the autumn."""
import sys

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "zi", "po",
             "da", "fe", "gu", "hi", "jo", "la", "me", "no", "ri", "su"]
KINDS = ["Traders", "Analytics", "Logistics", "Robotics", "Insurance"]


def employer_name(i: int) -> str:
    n = len(SYLLABLES)
    word = SYLLABLES[i % n] + SYLLABLES[(i // n) % n] + SYLLABLES[(i // n // n) % n]
    return f"{word.capitalize()} {KINDS[(i // n // n // n) % len(KINDS)]}"

TITLES = ["Senior Data Analyst", "Data Engineer", "Product Analyst", "BI Developer",
          "Analytics Manager", "Machine Learning Engineer"]

def message(i: int) -> str:
    employer = employer_name(i)
    title = TITLES[i % len(TITLES)]
    domain = employer.lower().replace(" ", "") + ".example"
    req = f"R{1000000 + i}"
    day = 1 + i % 26
    return (
        f"From recruiter@{domain} Tue Nov {day:2d} 10:00:00 2026\n"
        f"Date: Tue, {day:02d} Nov 2026 10:00:00 -0600\n"
        f"From: Priya Raman <priya.raman@{domain}>\n"
        f"To: Dana Whitfield <dana@example.net>\n"
        f"Message-ID: <bench.{i}@mail.{domain}>\n"
        f"Subject: Interview invitation: {title} (Req #{req})\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=UTF-8\n"
        "\n"
        "Hi Dana,\n\n"
        f"Thank you for applying for the {title} position (Req #{req}) at\n"
        f"{employer}. We enjoyed your phone screen and would like to invite you to a\n"
        "second-round interview with our hiring manager.\n\n"
        "Please pick a 60-minute slot that suits you next week:\n"
        f"https://calendly.example/{domain}/second-round\n\n"
        "Best regards,\n"
        "Priya Raman\n"
        f"Senior Recruiter, {employer}\n"
        "Direct: +1 312 555 0148\n\n"
    )

def main() -> None:
    out, count = sys.argv[1], int(sys.argv[2])
    with open(out, "w", encoding="utf-8") as f:
        for i in range(count):
            f.write(message(i))

if __name__ == "__main__":
    main()
