# Sourced by scripts/test: sign-in with OAuth2 for the tests of `bowout login` (tests/cli/oauth/).
#
# A real OpenID provider, oidc-provider from npm (scripts/oidc/provider.mjs), with public
# clients for bowout and an RFC 7662 introspection endpoint; Dovecot whose oauth2 passdb checks
# the bearer tokens of XOAUTH2 and OAUTHBEARER against that endpoint (IMAP, and SASL for
# Postfix); Postfix taking submissions with SASL through Dovecot and delivering over LMTP into
# Dovecot's Maildirs. Everything on free loopback ports, no systemd, no /etc edits; npm's
# packages are kept in a cache folder between runs. Exports:
#   BOWOUT_TEST_OIDC_URL          the provider's issuer (http://127.0.0.1:PORT)
#   BOWOUT_TEST_OIDC_SECRET       the secret of its client `dovecot`, which may introspect tokens
#   BOWOUT_TEST_OAUTH_IMAP_PORT   IMAP (plain, loopback) offering XOAUTH2 and OAUTHBEARER
#   BOWOUT_TEST_OAUTH_SMTP_PORT   SMTP submission (AUTH required) offering both mechanisms
#   BOWOUT_TEST_OAUTH_SMTP_BEARER_PORT  the same, offering OAUTHBEARER only
#   BOWOUT_TEST_OAUTH_MAILDIRS    <dir>/<domain>/<user>/Maildir: each user's mail (any user exists)
#   BOWOUT_TEST_OAUTH_OWNER       uid:gid Dovecot stores mail as (folders the tests make get it)
apt_install postfix dovecot-imapd dovecot-lmtpd
command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm

oauth_dir="$BOWOUT_TEST_STATE/oauth"
mkdir -p "$oauth_dir"/{run,state,log,mail,oidc,postfix-etc,postfix-spool,postfix-data}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# The provider's packages, installed once per version of the lock file.
oidc_lock_sum=$(sha256sum scripts/oidc/package-lock.json | cut -c1-16)
oidc_cache="${XDG_CACHE_HOME:-$HOME/.cache}/bowout-test/oidc-$oidc_lock_sum"
if [ ! -d "$oidc_cache/node_modules/oidc-provider" ]; then
  echo "test: installing oidc-provider from npm into $oidc_cache" >&2
  rm -rf "$oidc_cache.tmp"
  mkdir -p "$oidc_cache.tmp"
  cp scripts/oidc/package.json scripts/oidc/package-lock.json "$oidc_cache.tmp/"
  (cd "$oidc_cache.tmp" && npm ci --omit=dev --no-audit --no-fund --loglevel=error >&2)
  rm -rf "$oidc_cache"
  mv "$oidc_cache.tmp" "$oidc_cache"
fi
cp scripts/oidc/provider.mjs "$oauth_dir/oidc/"
ln -sfn "$oidc_cache/node_modules" "$oauth_dir/oidc/node_modules"

oidc_port=$(free_port)
oidc_secret="introspect-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
setsid node "$oauth_dir/oidc/provider.mjs" "$oidc_port" "$oidc_secret" </dev/null \
  >"$oauth_dir/log/oidc.log" 2>&1 &
oidc_pid=$!
on_exit "kill $oidc_pid 2>/dev/null"
export BOWOUT_TEST_OIDC_URL="http://127.0.0.1:$oidc_port"
export BOWOUT_TEST_OIDC_SECRET="$oidc_secret"

oauth_imap_port=$(free_port)
oauth_lmtp_port=$(free_port)
oauth_sasl_port=$(free_port)
oauth_smtp_port=$(free_port)
oauth_bearer_port=$(free_port)
cat >"$oauth_dir/oauth2.conf.ext" <<EOF
introspection_mode = post
introspection_url = http://dovecot:$oidc_secret@127.0.0.1:$oidc_port/token/introspection
username_attribute = email
active_attribute = active
active_value = true
EOF
chgrp dovecot "$oauth_dir/oauth2.conf.ext"
chmod 640 "$oauth_dir/oauth2.conf.ext"
chmod 755 "$BOWOUT_TEST_STATE" "$oauth_dir"
chown mail:mail "$oauth_dir/mail"
chown postfix "$oauth_dir/postfix-data"
cat >"$oauth_dir/dovecot.conf" <<EOF
protocols = imap lmtp
listen = 127.0.0.1
base_dir = $oauth_dir/run/
state_dir = $oauth_dir/state
log_path = $oauth_dir/log/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = xoauth2 oauthbearer
auth_failure_delay = 0
first_valid_uid = 1
mail_location = maildir:$oauth_dir/mail/%d/%n/Maildir
namespace inbox {
  inbox = yes
  separator = /
}
passdb {
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = $oauth_dir/oauth2.conf.ext
}
userdb {
  driver = static
  args = uid=mail gid=mail home=$oauth_dir/mail/%d/%n allow_all_users=yes
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $oauth_imap_port
  }
  inet_listener imaps {
    port = 0
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = $oauth_lmtp_port
  }
}
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
service auth {
  inet_listener sasl {
    address = 127.0.0.1
    port = $oauth_sasl_port
  }
}
EOF
setsid dovecot -F -c "$oauth_dir/dovecot.conf" </dev/null >>"$oauth_dir/log/dovecot.out" 2>&1 &
oauth_dovecot_pid=$!
on_exit "kill $oauth_dovecot_pid 2>/dev/null"

# Postfix: submission with AUTH required (both mechanisms, and OAUTHBEARER alone), delivering
# every domain over LMTP into the Dovecot above.
cat >"$oauth_dir/postfix-etc/main.cf" <<EOF
compatibility_level = 3.6
myhostname = mx.bowout.test
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mydestination =
mynetworks =
queue_directory = $oauth_dir/postfix-spool
data_directory = $oauth_dir/postfix-data
maillog_file_prefixes = $oauth_dir/log
maillog_file = $oauth_dir/log/postfix.log
alias_maps =
alias_database =
smtp_dns_support_level = disabled
smtpd_error_sleep_time = 0
virtual_mailbox_domains = static:all
virtual_transport = lmtp:inet:127.0.0.1:$oauth_lmtp_port
smtpd_sasl_auth_enable = yes
smtpd_sasl_type = dovecot
smtpd_sasl_path = inet:127.0.0.1:$oauth_sasl_port
smtpd_tls_security_level = none
smtpd_client_restrictions = permit_sasl_authenticated, reject
smtpd_relay_restrictions = permit_sasl_authenticated, reject
EOF
sed '/^smtp \+inet /d' /etc/postfix/master.cf >"$oauth_dir/postfix-etc/master.cf"
cat >>"$oauth_dir/postfix-etc/master.cf" <<EOF
127.0.0.1:$oauth_smtp_port inet n - n - - smtpd
127.0.0.1:$oauth_bearer_port inet n - n - - smtpd
  -o smtpd_sasl_mechanism_filter=oauthbearer
EOF
oauth_ports_up() {
  local IFS='|'
  [ "$(ss -ltn | grep -Ec "127\.0\.0\.1:($*) ")" = $# ]
}
# Postfix's smtpd gives up ("no SASL authentication mechanisms") when Dovecot's auth is not up.
for _ in $(seq 300); do
  oauth_ports_up "$oauth_imap_port" "$oauth_lmtp_port" "$oauth_sasl_port" "$oidc_port" && break
  sleep 0.1
done
oauth_ports_up "$oauth_imap_port" "$oauth_lmtp_port" "$oauth_sasl_port" "$oidc_port" ||
  { tail "$oauth_dir"/log/*; echo "test: the OAuth2 provider or Dovecot did not start" >&2; exit 1; }
postfix -c "$oauth_dir/postfix-etc" start >/dev/null 2>&1 ||
  { tail "$oauth_dir"/log/*; echo "test: Postfix did not start" >&2; exit 1; }
on_exit "postfix -c '$oauth_dir/postfix-etc' stop >/dev/null 2>&1"
for _ in $(seq 300); do
  oauth_ports_up "$oauth_smtp_port" "$oauth_bearer_port" && break
  sleep 0.1
done
oauth_ports_up "$oauth_smtp_port" "$oauth_bearer_port" || { tail "$oauth_dir"/log/*; exit 1; }
export BOWOUT_TEST_OAUTH_IMAP_PORT="$oauth_imap_port"
export BOWOUT_TEST_OAUTH_SMTP_PORT="$oauth_smtp_port"
export BOWOUT_TEST_OAUTH_SMTP_BEARER_PORT="$oauth_bearer_port"
export BOWOUT_TEST_OAUTH_MAILDIRS="$oauth_dir/mail"
export BOWOUT_TEST_OAUTH_OWNER="$(id -u mail):$(id -g mail)"
echo "test: OpenID provider on $BOWOUT_TEST_OIDC_URL, Dovecot IMAP (OAuth2) on 127.0.0.1:$oauth_imap_port, Postfix on :$oauth_smtp_port and :$oauth_bearer_port (OAUTHBEARER only)" >&2
