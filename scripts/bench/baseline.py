#!/usr/bin/env python3
"""Python stdlib baseline for the scan benchmark: mailbox + email, a few keyword regexes.

Prints: messages hits
"""
import email
import mailbox
import re
import sys
from email import policy

KEYWORDS = re.compile(r"interview|phone screen|entrevista|vorstellungsgespr", re.I)
INVITE = re.compile(r"invit\w* you|would like to (invite|schedule|meet)|schedule (a|an|your) \w* ?(interview|call)", re.I)


def main():
    box = mailbox.mbox(sys.argv[1], factory=lambda f: email.message_from_binary_file(f, policy=policy.default), create=False)
    messages = hits = 0
    for msg in box:
        messages += 1
        text = str(msg.get("subject", ""))
        for part in msg.walk():
            if part.get_content_type() in ("text/plain", "text/html") and not part.is_attachment():
                try:
                    text += part.get_content()
                except Exception:
                    pass
        if KEYWORDS.search(text) and INVITE.search(text):
            hits += 1
    print(messages, hits)


if __name__ == "__main__":
    main()
