#!/usr/bin/env python3
"""Deterministic Takeout-style mbox generator for the scan benchmark.

Writes SIZE_MB megabytes of mail shaped like a Google Takeout export: long Received/ARC/DKIM
header blocks, X-GM-THRID and X-Gmail-Labels, plain and HTML newsletters, notifications,
personal mail with quoted replies (and mboxrd-quoted ">From " lines), multipart/mixed with
base64 PDF/JPEG attachments, and about 1 % job-interview invitations (plus near-misses that
mention interviews). The byte mix aims at the one measured on a real export: headers ~39 %,
text/plain ~12 %, HTML ~26 %, attachments ~20 %.

Two profiles:
- `takeout` (the default): the mix above, about 14 kB a message.
- `small`: a mailbox of many small messages, about 6 kB each (200,000 in 1.2 GB): shorter
  header blocks, notifications, newsletters, short personal mail (some of it base64, as
  mail clients send non-ASCII text), a few attachments; bodies in quoted-printable and base64.
  Its invitations come as plain, quoted-printable and base64 text.

Usage: gen_mbox.py OUT SIZE_MB [SEED] [PROFILE]
"""
import base64
import random
import sys

WORDS = ("the team update meeting project report quarter budget review launch customer data "
         "weekend dinner photos travel order shipped invoice account security sign in new device "
         "sale offer discount newsletter event community thanks please let know schedule call "
         "follow up notes draft design feedback release version build test deploy issue fixed").split()
NAMES = ["Ann Lee", "Bo Chen", "Cara Diaz", "Dev Patel", "Eli Moss", "Fay Wong", "Gus Hale", "Ida Novak"]
ORGS = ["Acme Corp", "Globex", "Initrode", "Umbrella Health", "Stark Analytics", "Wayne Freight"]
TITLES = ["Data Analyst", "Senior Data Analyst", "Analytics Engineer", "BI Developer", "Data Scientist"]


def words(r, n):
    return " ".join(r.choice(WORDS) for _ in range(n))


def para(r, lines, width=72):
    out, line = [], []
    for _ in range(lines * 11):
        line.append(r.choice(WORDS))
        if len(" ".join(line)) > width:
            out.append(" ".join(line))
            line = []
    return "\r\n".join(out)


def headers(r, n, sender, subject, ctype, extra="", hops_range=(3, 7), arcs=2):
    hops = []
    for i in range(r.randint(*hops_range)):
        hops.append(
            f"Received: from mail{r.randint(1, 99)}.relay{i}.example (mail{i}.relay.example [203.0.113.{r.randint(1, 254)}])\r\n"
            f"        by mx.google.com with ESMTPS id {r.getrandbits(64):x}\r\n"
            f"        for <dana@example.net>; Mon, 0{r.randint(1, 9)} Jun 2025 1{r.randint(0, 9)}:00:00 -0700 (PDT)"
        )
    sig = base64.b64encode(r.randbytes(256)).decode()
    arc = "\r\n".join(f"ARC-Seal: i={i}; a=rsa-sha256; t=17{r.randint(10**7, 10**8)}; cv=pass; d=google.com; s=arc-20240605;\r\n        b={sig[:120]}\r\n        {sig[120:240]}" for i in range(1, arcs + 1))
    return (
        f"From {r.getrandbits(63)}@xxx Mon Jun 02 10:00:00 +0000 2025\r\n"
        f"X-GM-THRID: {r.getrandbits(62)}\r\nX-Gmail-Labels: {r.choice(['Inbox', 'Category Promotions', 'Category Updates', 'Archived', 'Sent'])},Opened\r\n"
        f"Delivered-To: dana@example.net\r\n" + "\r\n".join(hops) + "\r\n" + (arc + "\r\n" if arcs else "") +
        f"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com; s=s1;\r\n        h=from:to:subject:date:message-id; bh={sig[:44]};\r\n        b={sig[44:200]}\r\n"
        f"Authentication-Results: mx.google.com; dkim=pass header.i=@example.com; spf=pass; dmarc=pass\r\n"
        f"From: {sender}\r\nTo: Dana Whitfield <dana@example.net>\r\nSubject: {subject}\r\n"
        f"Date: Mon, 02 Jun 2025 10:{n % 60:02d}:00 +0000\r\nMessage-ID: <{n}.{r.getrandbits(40):x}@bench.example>\r\n"
        f"MIME-Version: 1.0\r\n{extra}Content-Type: {ctype}\r\n\r\n"
    )


def html_doc(r, text, blocks):
    rows = "".join(f'<tr><td style="padding:8px;font-family:Arial;color:#333">{para(r, 3)}</td></tr>\r\n' for _ in range(blocks))
    return f"<html><head><style>td{{font-size:14px}}</style></head><body><table>{rows}<tr><td>{text}</td></tr></table></body></html>"


def qp(s):
    return "=\r\n".join(s[i:i + 74] for i in range(0, len(s), 74))


def invitation(r):
    who, org, title = r.choice(NAMES), r.choice(ORGS), r.choice(TITLES)
    first = who.split()[0]
    text = (f"Hi Dana,\r\n\r\nThank you for applying for the {title} position at {org}. We would like to invite you to a "
            f"30-minute phone interview with me. Could you let me know which of these times works for you?\r\n\r\n"
            f"Best,\r\n{first}\r\n\r\n{who}\r\nRecruiter | {org}\r\n(312) 555-01{r.randint(10, 99)}\r\n")
    return f"Interview invitation - {title}", f"{who} <{first.lower()}@{org.split()[0].lower()}.example>", text


def near_miss(r):
    org = r.choice(ORGS)
    kind = r.choice(["receipt", "tips", "reject"])
    if kind == "receipt":
        return f"Thank you for applying to {org}", f"{org} <no-reply@ats.example>", "We have received your application. If you are selected for an interview, we will contact you."
    if kind == "tips":
        return "5 interview tips", "Career Weekly <news@career.example>", "Our guide to the phone interview. Unsubscribe any time."
    return f"Your application to {org}", f"{org} <no-reply@ats.example>", "Unfortunately, we have decided not to move forward with your application."


def message(r, n):
    roll = r.random()
    if roll < 0.01:
        subject, sender, text = invitation(r)
        return headers(r, n, sender, subject, "text/plain; charset=UTF-8") + text
    if roll < 0.02:
        subject, sender, text = near_miss(r)
        return headers(r, n, sender, subject, "text/plain; charset=UTF-8") + text + "\r\n"
    sender = f"{r.choice(NAMES)} <{words(r, 1)}@{words(r, 1)}.example>"
    subject = words(r, r.randint(3, 8)).capitalize()
    if roll < 0.30:  # personal mail with quoted history
        quote = "\r\n".join("> " + l for l in para(r, r.randint(2, 8)).split("\r\n"))
        body = para(r, r.randint(2, 10)) + "\r\n>From the archive: " + words(r, 5) + "\r\n\r\nOn Mon someone wrote:\r\n" + quote + "\r\n"
        return headers(r, n, sender, "Re: " + subject, "text/plain; charset=UTF-8") + body
    b = f"b{r.getrandbits(48):x}"
    if roll < 0.93:  # newsletters and notifications: text + HTML alternative
        text = para(r, r.randint(4, 24))
        html = html_doc(r, words(r, 20), r.randint(5, 40))
        return (headers(r, n, sender, subject, f'multipart/alternative; boundary="{b}"', "List-Unsubscribe: <https://list.example/u>\r\n")
                + f"--{b}\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n{qp(text)}\r\n"
                + f"--{b}\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n{qp(html)}\r\n--{b}--\r\n")
    # mail with attachments
    size = int(r.expovariate(1 / 60000)) + 8000
    blob = base64.encodebytes(r.randbytes(size)).decode().replace("\n", "\r\n")
    name, ctype = r.choice([("report.pdf", "application/pdf"), ("photo.jpg", "image/jpeg"), ("data.xlsx", "application/vnd.ms-excel")])
    return (headers(r, n, sender, subject, f'multipart/mixed; boundary="{b}"')
            + f"--{b}\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n{para(r, r.randint(2, 6))}\r\n"
            + f"--{b}\r\nContent-Type: {ctype}; name=\"{name}\"\r\nContent-Disposition: attachment; filename=\"{name}\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{blob}--{b}--\r\n")


def b64_lines(data):
    return base64.encodebytes(data).decode().replace("\n", "\r\n")


def small_headers(r, n, sender, subject, ctype, extra=""):
    return headers(r, n, sender, subject, ctype, extra, hops_range=(1, 3), arcs=r.choice([0, 0, 1]))


def small_message(r, n):
    """One message of the `small` profile (about 6 kB on average)."""
    roll = r.random()
    if roll < 0.01:
        subject, sender, text = invitation(r)
        how = r.random()
        if how < 0.4:
            return small_headers(r, n, sender, subject, "text/plain; charset=UTF-8") + text
        if how < 0.7:
            return (small_headers(r, n, sender, subject, "text/plain; charset=UTF-8", "Content-Transfer-Encoding: quoted-printable\r\n")
                    + qp(text) + "\r\n")
        b = f"b{r.getrandbits(48):x}"
        html = html_doc(r, text.replace("\r\n", "<br>"), 1)
        return (small_headers(r, n, sender, subject, f'multipart/alternative; boundary="{b}"')
                + f"--{b}\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n{b64_lines(text.encode())}"
                + f"--{b}\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n{qp(html)}\r\n--{b}--\r\n")
    if roll < 0.02:
        subject, sender, text = near_miss(r)
        return small_headers(r, n, sender, subject, "text/plain; charset=UTF-8") + text + "\r\n"
    sender = f"{r.choice(NAMES)} <{words(r, 1)}@{words(r, 1)}.example>"
    subject = words(r, r.randint(3, 8)).capitalize()
    b = f"b{r.getrandbits(48):x}"
    if roll < 0.40:  # notifications: a short plain text, often with a short HTML twin
        text = para(r, r.randint(2, 6))
        unsub = "List-Unsubscribe: <https://notify.example/u>\r\n"
        if r.random() < 0.4:
            return small_headers(r, n, sender, subject, "text/plain; charset=UTF-8", unsub) + text + "\r\n"
        html = html_doc(r, words(r, 10), r.randint(1, 4))
        return (small_headers(r, n, sender, subject, f'multipart/alternative; boundary="{b}"', unsub)
                + f"--{b}\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n{qp(text)}\r\n"
                + f"--{b}\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n{qp(html)}\r\n--{b}--\r\n")
    if roll < 0.62:  # newsletters: a stub plain part and the HTML that carries the text
        html = html_doc(r, words(r, 20), r.randint(6, 22))
        return (small_headers(r, n, sender, subject, f'multipart/alternative; boundary="{b}"', "List-Unsubscribe: <https://list.example/u>\r\n")
                + f"--{b}\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nView this email in your browser: https://list.example/v/{n}\r\n"
                + f"--{b}\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n{qp(html)}\r\n--{b}--\r\n")
    if roll < 0.95:  # personal mail: short, some quoted history, some base64 text
        body = para(r, r.randint(1, 6))
        if r.random() < 0.5:
            quote = "\r\n".join("> " + l for l in para(r, r.randint(1, 5)).split("\r\n"))
            body += "\r\n>From the archive: " + words(r, 5) + "\r\n\r\nOn Mon someone wrote:\r\n" + quote
        if r.random() < 0.25:
            return (small_headers(r, n, sender, "Re: " + subject, "text/plain; charset=UTF-8", "Content-Transfer-Encoding: base64\r\n")
                    + b64_lines(body.encode()))
        return small_headers(r, n, sender, "Re: " + subject, "text/plain; charset=UTF-8") + body + "\r\n"
    # a few attachments, mostly small
    size = min(int(r.expovariate(1 / 50000)) + 2000, 600000)
    name, ctype = r.choice([("report.pdf", "application/pdf"), ("photo.jpg", "image/jpeg"), ("invite.ics", "application/octet-stream")])
    return (small_headers(r, n, sender, subject, f'multipart/mixed; boundary="{b}"')
            + f"--{b}\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n{para(r, r.randint(1, 3))}\r\n"
            + f"--{b}\r\nContent-Type: {ctype}; name=\"{name}\"\r\nContent-Disposition: attachment; filename=\"{name}\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{b64_lines(r.randbytes(size))}--{b}--\r\n")


PROFILES = {"takeout": message, "small": small_message}


def main():
    out, size_mb = sys.argv[1], int(sys.argv[2])
    r = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 20250601)
    make = PROFILES[sys.argv[4] if len(sys.argv) > 4 else "takeout"]
    target, written, n = size_mb * 1_000_000, 0, 0
    with open(out, "wb") as f:
        while written < target:
            data = make(r, n).encode("utf-8") + b"\r\n"
            f.write(data)
            written += len(data)
            n += 1
    print(f"{out}: {n} messages, {written / 1e6:.0f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
