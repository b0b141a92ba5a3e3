#!/usr/bin/env bash
# The quick start: builds bowout, then walks one example invitation through the workflow in a
# throw-away home on the embedded SQLite database (no server to install).
#   ./examples/quickstart.sh            # a new temporary home each time
#   BOWOUT_HOME=~/bowout-demo ./examples/quickstart.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet
bowout() { target/debug/bowout "$@"; }

export BOWOUT_HOME="${BOWOUT_HOME:-$(mktemp -d /tmp/bowout-demo.XXXXXX)}"
export BOWOUT_IDENTITY_NAME="${BOWOUT_IDENTITY_NAME:-Dana Whitfield}"
export BOWOUT_IDENTITY_EMAIL="${BOWOUT_IDENTITY_EMAIL:-dana@example.net}"
echo "== home: $BOWOUT_HOME (config: $BOWOUT_HOME/config.toml)"

step() { printf '\n== %s\n$ bowout %s\n' "$1" "${*:2}"; bowout "${@:2}"; }

id=$(bowout add --employer "Northwind Traders" --title "Senior Data Analyst" --req "Req #R0034567" \
  --round 2 --primary "Priya Raman <priya.raman@northwind.example>" --phone "+1 312 555 0148" \
  --other "Marcus Feld <marcus.feld@northwind.example>" --other-role "hiring manager")
echo "recorded invitation $id"
step "What bowout knows" show "$id"
step "Advice (you started a new job last week)" advise "$id" --started-new-job --concern commute
rid=$(bowout referral add --name "Sam Park" --email "sam.park@fastmail.example" \
  --phone "+1 312 555 0177" --permission "2026-11-20 phone call")
echo "recorded referral $rid"
step "Decline politely, one message per contact, referring Sam" decline "$id" --reason accepted-job --refer "$rid"
step "The diplomacy linter on a text that would burn a bridge" lint examples/burning-bridges.txt
step "The invitation's evidence record" show "$id"
