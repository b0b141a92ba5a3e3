# Sourced by scripts/test: a real SMTP server on loopback for the send tests (tests/cli/send/).
# scripts/smtp_sink.py (aiosmtpd from PyPI) records every delivery under a spool directory;
# it listens plain, with STARTTLS and with implicit TLS, using a CA and server certificate
# made here with openssl, plus a listener with a 512-byte message limit.
# Exports BOWOUT_TEST_SMTP_{PORT,STARTTLS_PORT,SMALL_PORT}, BOWOUT_TEST_SMTPS_PORT,
# BOWOUT_TEST_SMTP_{SPOOL,CA,USER,PASSWORD}.

python3 -c 'import aiosmtpd' 2>/dev/null ||
  python3 -m pip install -q --disable-pip-version-check 'aiosmtpd==1.4.6' >&2
command -v openssl >/dev/null || apt_install openssl

smtp_dir="$BOWOUT_TEST_STATE/smtp"
mkdir -p "$smtp_dir/spool"
(
  cd "$smtp_dir"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=bowout test CA" \
    -keyout ca.key -out ca.pem \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout server.key -out server.csr 2>/dev/null
  printf '%s\n' 'subjectAltName=DNS:localhost,IP:127.0.0.1' 'basicConstraints=CA:FALSE' \
    'keyUsage=critical,digitalSignature,keyEncipherment' 'extendedKeyUsage=serverAuth' > server.ext
  openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
    -extfile server.ext -out server.pem 2>/dev/null
)

export BOWOUT_TEST_SMTP_USER="dana@example.net"
export BOWOUT_TEST_SMTP_PASSWORD="sink-pass-$$"
python3 scripts/smtp_sink.py --spool "$smtp_dir/spool" --cert "$smtp_dir/server.pem" \
  --key "$smtp_dir/server.key" --ports-file "$smtp_dir/ports.env" \
  --user "$BOWOUT_TEST_SMTP_USER" --password "$BOWOUT_TEST_SMTP_PASSWORD" \
  >"$smtp_dir/sink.log" 2>&1 &
smtp_sink_pid=$!
on_exit "kill $smtp_sink_pid 2>/dev/null"
for _ in $(seq 100); do
  [ -s "$smtp_dir/ports.env" ] && break
  kill -0 "$smtp_sink_pid" 2>/dev/null || break
  sleep 0.1
done
[ -s "$smtp_dir/ports.env" ] || { echo "test: the SMTP sink did not start:" >&2; cat "$smtp_dir/sink.log" >&2; exit 1; }
# shellcheck source=/dev/null
source "$smtp_dir/ports.env"
export BOWOUT_TEST_SMTP_SPOOL="$smtp_dir/spool"
export BOWOUT_TEST_SMTP_CA="$smtp_dir/ca.pem"
echo "test: SMTP sink on 127.0.0.1:$BOWOUT_TEST_SMTP_PORT (plain), :$BOWOUT_TEST_SMTP_STARTTLS_PORT (STARTTLS), :$BOWOUT_TEST_SMTPS_PORT (TLS), :$BOWOUT_TEST_SMTP_SMALL_PORT (512 B limit)" >&2
