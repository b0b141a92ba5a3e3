# PostgreSQL for the storage tests: a throw-away cluster on a free loopback port.
# Exports BOWOUT_TEST_POSTGRES_URL (a superuser URL; tests create one database each).
apt_install postgresql
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pg_dir="$BOWOUT_TEST_STATE/postgres"
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$pg_dir"
chmod 755 "$BOWOUT_TEST_STATE"
as_pg() {
  if [ "$(id -u)" = 0 ]; then chown -R postgres "$pg_dir"; su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}
as_pg "'$pg_bin/initdb' -D '$pg_dir/data' -A trust -U postgres --no-sync -E UTF8" >/dev/null
as_pg "'$pg_bin/pg_ctl' -D '$pg_dir/data' -l '$pg_dir/log' -w -o \"-c listen_addresses=127.0.0.1 -p $pg_port -k '$pg_dir' -c fsync=off -c full_page_writes=off\" start" >/dev/null
on_exit "as_pg \"'$pg_bin/pg_ctl' -D '$pg_dir/data' -m immediate stop\" >/dev/null"
export BOWOUT_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$pg_port/postgres"
echo "test: PostgreSQL on 127.0.0.1:$pg_port" >&2
