#!/usr/bin/env python3
"""A recording SMTP server for bowout's send tests (aiosmtpd), on loopback only.

Every accepted delivery is stored as <spool>/<recipient>/<NNN>.eml (the exact bytes received
after dot-unstuffing) beside <NNN>.json (envelope, listener, login), so tests can count the
deliveries per recipient and compare bytes and headers.

Listeners (ports chosen free at start, written to --ports-file as shell exports):
  plain     AUTH required, no TLS            BOWOUT_TEST_SMTP_PORT
  starttls  STARTTLS required before AUTH    BOWOUT_TEST_SMTP_STARTTLS_PORT
  smtps     implicit TLS, AUTH required      BOWOUT_TEST_SMTPS_PORT
  small     like plain, 512-byte message limit  BOWOUT_TEST_SMTP_SMALL_PORT

Recipients steer the server, by the start of their local part:
  refuse…  RCPT gets 550 5.1.1 (permanent)
  busy…    RCPT gets 451 4.3.0 (transient, every time)
  hang…    the first delivery is stored, then the reply to DATA never comes (600 s), as when
           a server has taken a message and the connection dies before the client hears it
"""

import argparse
import asyncio
import json
import os
import signal
import socket
import ssl
import sys
import threading
import warnings

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

HANG_SECONDS = 600


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Recorder:
    def __init__(self, spool, listener, user, password):
        self.spool = spool
        self.listener = listener
        self.user = user
        self.password = password
        self.hung = set()
        self.lock = threading.Lock()

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login.decode() == self.user
            and auth_data.password.decode() == self.password
        )
        return AuthResult(success=ok, handled=False, auth_data=auth_data)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@")[0].lower()
        if local.startswith("refuse"):
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        if local.startswith("busy"):
            return f"451 4.3.0 <{address}>: Temporary lookup failure, try again later"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        for rcpt in envelope.rcpt_tos:
            self.store(rcpt, envelope, session)
        hang = [r for r in envelope.rcpt_tos if r.lower().startswith("hang") and r not in self.hung]
        if hang:
            self.hung.update(hang)
            await asyncio.sleep(HANG_SECONDS)
        return "250 2.0.0 Ok: queued"

    def store(self, rcpt, envelope, session):
        folder = os.path.join(self.spool, rcpt.lower())
        with self.lock:
            os.makedirs(folder, exist_ok=True)
            n = 1 + sum(1 for f in os.listdir(folder) if f.endswith(".eml"))
            base = os.path.join(folder, f"{n:03}")
            meta = {
                "listener": self.listener,
                "mail_from": envelope.mail_from,
                "rcpt_tos": envelope.rcpt_tos,
                "login": login(session),
                "tls": session.ssl is not None or self.listener == "smtps",
            }
            write_atomic(base + ".json", json.dumps(meta).encode())
            write_atomic(base + ".eml", envelope.original_content)


def login(session):
    data = getattr(session, "auth_data", None)
    return data.login.decode() if isinstance(data, LoginPassword) else None


def write_atomic(path, data):
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--spool", required=True)
    p.add_argument("--cert", required=True)
    p.add_argument("--key", required=True)
    p.add_argument("--ports-file", required=True)
    p.add_argument("--user", required=True)
    p.add_argument("--password", required=True)
    a = p.parse_args()
    # AUTH without TLS on the plain listeners is deliberate: loopback only, test passwords.
    warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")

    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(a.cert, a.key)

    def recorder(name):
        return Recorder(a.spool, name, a.user, a.password)

    def common(r):
        return dict(authenticator=r.authenticate, auth_required=True, hostname="127.0.0.1")

    specs = {
        "BOWOUT_TEST_SMTP_PORT": ("plain", dict(auth_require_tls=False)),
        "BOWOUT_TEST_SMTP_STARTTLS_PORT": (
            "starttls",
            dict(tls_context=tls, require_starttls=True, auth_require_tls=True),
        ),
        "BOWOUT_TEST_SMTPS_PORT": ("smtps", dict(auth_require_tls=False, ssl_context=tls)),
        "BOWOUT_TEST_SMTP_SMALL_PORT": (
            "small",
            dict(auth_require_tls=False, data_size_limit=512),
        ),
    }
    controllers, lines = [], []
    for env, (name, extra) in specs.items():
        r = recorder(name)
        port = free_port()
        c = Controller(r, port=port, server_hostname="localhost", **common(r), **extra)
        c.start()
        controllers.append(c)
        lines.append(f"export {env}={port}\n")
    write_atomic(a.ports_file, "".join(lines).encode())
    print("smtp sink:", " ".join(l.strip() for l in lines), flush=True)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    for c in controllers:
        c.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
