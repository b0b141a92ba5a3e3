# Dovecot on loopback for the IMAP tests of `bowout replies --imap` (no systemd, no /etc edits).
# Users imap1..imap17@example.test (one per test, so tests can run in parallel), Maildir storage
# that the tests fill directly. Exports:
#   BOWOUT_TEST_IMAP_PORT      plain IMAP on 127.0.0.1
#   BOWOUT_TEST_IMAP_PASSWORD  every test user's password
#   BOWOUT_TEST_IMAP_MAILDIRS  <dir>/<user>/Maildir is the Maildir of <user>@example.test
#   BOWOUT_TEST_IMAP_OWNER     uid:gid Dovecot stores mail as (folders the tests make get it)
#   BOWOUT_TEST_IMAPS_PORT     implicit TLS; the plain port offers STARTTLS too
#   BOWOUT_TEST_IMAP_CA        the PEM of the test CA that signed the server's certificate
apt_install dovecot-imapd openssl
imap_dir="$BOWOUT_TEST_STATE/imap"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
imap_port=$(free_port)
imaps_port=$(free_port)
export BOWOUT_TEST_IMAP_PASSWORD="imap-test-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
mkdir -p "$imap_dir"/{run,state,log,mail}
chmod 755 "$BOWOUT_TEST_STATE" "$imap_dir"
: >"$imap_dir/users"
for n in $(seq 17); do
  echo "imap$n@example.test:{PLAIN}$BOWOUT_TEST_IMAP_PASSWORD::::::" >>"$imap_dir/users"
  mkdir -p "$imap_dir/mail/imap$n/Maildir"/{cur,new,tmp}
done
chgrp dovecot "$imap_dir/users"
chmod 640 "$imap_dir/users"
chown -R mail:mail "$imap_dir/mail"
# A throw-away CA and a server certificate for 127.0.0.1 / localhost, for the TLS tests.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=bowout test CA" \
  -keyout "$imap_dir/ca.key" -out "$imap_dir/ca.pem" >/dev/null 2>&1
openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" \
  -keyout "$imap_dir/server.key" -out "$imap_dir/server.csr" >/dev/null 2>&1
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' >"$imap_dir/san.ext"
openssl x509 -req -in "$imap_dir/server.csr" -CA "$imap_dir/ca.pem" -CAkey "$imap_dir/ca.key" \
  -CAcreateserial -days 2 -extfile "$imap_dir/san.ext" -out "$imap_dir/server.pem" >/dev/null 2>&1
cat >"$imap_dir/dovecot.conf" <<EOF
protocols = imap
listen = 127.0.0.1
base_dir = $imap_dir/run/
state_dir = $imap_dir/state
log_path = $imap_dir/log/dovecot.log
ssl = yes
ssl_cert = <$imap_dir/server.pem
ssl_key = <$imap_dir/server.key
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
first_valid_uid = 1
mail_location = maildir:$imap_dir/mail/%n/Maildir
namespace inbox {
  inbox = yes
  separator = /
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $imap_dir/users
}
userdb {
  driver = static
  args = uid=mail gid=mail home=$imap_dir/mail/%n allow_all_users=yes
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $imap_port
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $imaps_port
    ssl = yes
  }
}
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
EOF
setsid dovecot -F -c "$imap_dir/dovecot.conf" </dev/null >>"$imap_dir/log/dovecot.out" 2>&1 &
imap_pid=$!
on_exit "kill $imap_pid 2>/dev/null"
imap_up() { [ "$(ss -ltn | grep -Ec "127\.0\.0\.1:($imap_port|$imaps_port) ")" = 2 ]; }
for _ in $(seq 100); do
  imap_up && break
  sleep 0.1
done
imap_up || { tail "$imap_dir"/log/*; exit 1; }
export BOWOUT_TEST_IMAP_PORT="$imap_port"
export BOWOUT_TEST_IMAPS_PORT="$imaps_port"
export BOWOUT_TEST_IMAP_CA="$imap_dir/ca.pem"
export BOWOUT_TEST_IMAP_MAILDIRS="$imap_dir/mail"
export BOWOUT_TEST_IMAP_OWNER="$(id -u mail):$(id -g mail)"
echo "test: Dovecot IMAP on 127.0.0.1:$imap_port" >&2
