#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, on a free loopback port.
#
#   eval "$(sh scripts/pg_test_cluster.sh start)"   # exports DYAD_TEST_PG_URL and DYAD_TEST_PG_DIR
#   bash scripts/pg_test_cluster.sh stop "$DYAD_TEST_PG_DIR"
#
# start: initdb into a new temporary folder (owned by the `postgres` user when run as root, since
# the server refuses to run as root), pg_ctl start listening on 127.0.0.1 only, create the database
# `dyad`, and print `export` lines for the URL (psycopg 3 driver) and the folder. Everything else
# it says goes to stderr. stop: pg_ctl stop (fast) and remove the folder.
# PG_BIN overrides where initdb and pg_ctl are looked for (default: the newest /usr/lib/postgresql/*/bin).
set -euo pipefail

die() { echo "pg_test_cluster: $*" >&2; exit 1; }

find_bin() {
    if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
    local d
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -z "$d" ] && command -v pg_ctl >/dev/null 2>&1; then d=$(dirname "$(command -v pg_ctl)"); fi
    [ -n "$d" ] && [ -x "$d/initdb" ] || die "PostgreSQL server binaries (initdb, pg_ctl) not found; set PG_BIN"
    echo "$d"
}

# Run a command as the server's owner: `postgres` when we are root, ourselves otherwise.
as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
    local bin dir port
    bin=$(find_bin)
    if [ "$(id -u)" = 0 ]; then id postgres >/dev/null 2>&1 || die "running as root needs a 'postgres' user"; fi
    dir=$(mktemp -d "${TMPDIR:-/tmp}/dyad-pg.XXXXXX")
    chmod 755 "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
    port=$(free_port)
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; die "initdb failed"; }
    # Loopback only, socket in the folder, no fsync (a test server: speed over durability).
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >&2 || { cat "$dir/server.log" >&2; rm -rf "$dir"; die "pg_ctl start failed"; }
    as_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
        -c "CREATE DATABASE dyad" >&2 || { stop "$dir"; die "cannot create database dyad"; }
    echo "pg_test_cluster: PostgreSQL $("$bin/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$port, data in $dir" >&2
    echo "export DYAD_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:$port/dyad"
    echo "export DYAD_TEST_PG_DIR=$dir"
}

stop() {
    local dir=${1:-${DYAD_TEST_PG_DIR:-}} bin
    [ -n "$dir" ] || die "stop: which folder? (argument or DYAD_TEST_PG_DIR)"
    case "$dir" in */dyad-pg.*) ;; *) die "stop: $dir is not a folder this script made" ;; esac
    bin=$(find_bin)
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >&2 || true
    fi
    rm -rf "$dir"
}

case "${1:-}" in
    start) start ;;
    stop) stop "${2:-}" ;;
    *) die "usage: $0 start | stop [FOLDER]" ;;
esac
