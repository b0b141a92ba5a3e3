#!/usr/bin/env bash
# The quick start: builds bowout, then walks the example invitation mail through the whole
# workflow in a throw-away home on the embedded SQLite database (no server to install):
# find it in mail, advise, decline with a referral, write the messages as .eml files for your
# own mail client, render the formal letter, and print the follow-up call sheet.
#   ./examples/quickstart.sh                       # a new temporary home each time
#   BOWOUT_HOME=~/bowout-demo ./examples/quickstart.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet
bin="${CARGO_TARGET_DIR:-target}/debug/bowout"
bowout() { "$bin" "$@"; }

export BOWOUT_HOME="${BOWOUT_HOME:-$(mktemp -d /tmp/bowout-demo.XXXXXX)}"
export BOWOUT_IDENTITY_NAME="${BOWOUT_IDENTITY_NAME:-Dana Whitfield}"
export BOWOUT_IDENTITY_EMAIL="${BOWOUT_IDENTITY_EMAIL:-dana@example.net}"
export BOWOUT_IDENTITY_PHONE="${BOWOUT_IDENTITY_PHONE:-+1 555 0100}"
export BOWOUT_IDENTITY_ADDRESS="${BOWOUT_IDENTITY_ADDRESS:-12 Elm St
Springfield, IL 62701}"
out="$BOWOUT_HOME/out"
mkdir -p "$out"
echo "== home: $BOWOUT_HOME (config: $BOWOUT_HOME/config.toml)"

step() { printf '\n== %s\n$ bowout %s\n' "$1" "${*:2}"; bowout "${@:2}"; }
json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

step "Find invitations in mail (records nothing)" scan examples/invitation.eml
id=$(bowout --json import examples/invitation.eml | json_field '["ids"][0]')
echo "imported invitation $id"
step "What bowout knows" show "$id"
step "Advice (you started a new job last week; the commute worries you)" \
  advise "$id" --started-new-job --concern commute
rid=$(bowout --json referral add --name "Sam Park" --email "sam.park@fastmail.example" \
  --phone "+1 312 555 0177" --permission "2026-11-20 phone call" | json_field '["id"]')
echo "recorded referral $rid (a colleague who agreed to be named)"
step "Decline politely: one message per contact, referring Sam" \
  decline "$id" --reason accepted-job --refer "$rid"
step "Write the messages for your own mail client (or configure [smtp] and run send)" \
  send "$id" --eml-dir "$out/eml"
step "Once your mail client sent them, record it" send "$id" --confirm-sent all
step "The formal letter for registered mail" letter "$id" --out "$out/letter.pdf"
step "The follow-up call, due the next business day" call "$id"
step "The diplomacy linter on a text that would burn a bridge" lint examples/burning-bridges.txt || true
step "What is due" agenda
step "The invitation's evidence record" show "$id"
printf '\nFiles written under %s:\n' "$out"
find "$out" -type f | sort
