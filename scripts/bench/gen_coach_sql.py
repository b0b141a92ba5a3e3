#!/usr/bin/env python3
"""Writes SQL (for scripts/bench-coach) that records N invitations, each with one contact, in
the schema of every seeker whose id is read from standard input, one a line: the rows a
`bowout add` would write, with dates spread over the autumn."""
import random
import sys

ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
TITLES = ["Senior Data Analyst", "Data Engineer", "Product Analyst", "BI Developer"]
STATUSES = ["undecided", "undecided", "declined", "accepted"]
NOV_1_2026 = 1793491200


def new_id(rng: random.Random) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(12))


def main() -> None:
    per_user = int(sys.argv[1])
    rng = random.Random(4471)
    out = sys.stdout
    out.write("BEGIN;\n")
    for line in sys.stdin:
        user = line.strip()
        if not user:
            continue
        schema = f"bowout_u_{user}"
        invitations, contacts = [], []
        for i in range(per_user):
            inv, contact = new_id(rng), new_id(rng)
            at = NOV_1_2026 + rng.randrange(26 * 86400)
            employer = f"Employer {user[:4]} {i}"
            invitations.append(
                f"('{inv}', '{employer}', '{TITLES[i % len(TITLES)]}', 'R{100000 + i}', "
                f"'[]', '{STATUSES[i % len(STATUSES)]}', {at}, {at})"
            )
            contacts.append(
                f"('{contact}', '{inv}', 0, 'Ann Lee', 'ann.{i}@employer{i}.example', 1)"
            )
        out.write(
            f"INSERT INTO {schema}.invitations (id, employer, job_title, requisition, "
            f"red_flags, status, created_at, received_at) VALUES\n"
            + ",\n".join(invitations) + ";\n"
        )
        out.write(
            f"INSERT INTO {schema}.contacts (id, invitation_id, position, name, email, "
            f"is_primary) VALUES\n" + ",\n".join(contacts) + ";\n"
        )
    out.write("COMMIT;\n")


main()
