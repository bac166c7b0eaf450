# Shared by the bench scripts: tools, JDK, the packaged jar, a fresh PostgreSQL database and the
# server started on it with a known API key. Sourced after `set -euo pipefail`.
source "$(dirname "${BASH_SOURCE[0]}")/../.ci/jdk.sh"

PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER

bench_work=$(mktemp -d /tmp/linkledger-bench.XXXXXX)
bench_db=""
server_pid=""
BENCH_KEY="llk_bench_$(head -c 30 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)"

# Installs a Debian package when its command is missing: need COMMAND PACKAGE
need() {
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "== Installing $2"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
  fi
}

bench_cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if [ -n "$bench_db" ] && [ -z "${BENCH_DB:-}" ]; then psql -d postgres -qc "drop database if exists $bench_db with (force)" >/dev/null 2>&1 || true; fi
}

# Packages the current code (BENCH_SKIP_BUILD=1 reuses target/'s jar); sets $jar.
bench_jar() {
  select_jdk
  if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    echo "== Building the jar"
    ./mvnw -B -q -ntp -DskipTests package
  fi
  jar=$(ls target/linkledger-*.jar | grep -v original | head -1)
}

# Starts the jar on a fresh database and waits until it is healthy: bench_start PORT [VAR=value ...]
# Sets $BENCH_URL and $server_pid; the bootstrap API key is $BENCH_KEY; the log is $bench_work/server.log.
bench_start() {
  local port=$1
  shift
  # BENCH_DB names the database to recreate (and keep afterwards); else a throwaway one is made.
  bench_db="${BENCH_DB:-linkledger_bench_$(date +%s)_$$}"
  echo "== Fresh PostgreSQL database $bench_db"
  psql -d postgres -qc "drop database if exists $bench_db with (force)"
  psql -d postgres -qc "create database $bench_db"
  BENCH_URL="http://127.0.0.1:$port"
  bench_launch "$port" server "$@"
  server_pid=$launched_pid
}

# Starts one more node of the jar on the database of bench_start and waits until it is healthy:
# bench_launch PORT NAME [VAR=value ...]. Sets $launched_pid; the log is $bench_work/NAME.log.
bench_launch() {
  local port=$1 name=$2 url="http://127.0.0.1:$1"
  shift 2
  echo "== Starting $jar on port $port (log: $bench_work/$name.log)"
  env SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$bench_db?reWriteBatchedInserts=true" \
    SPRING_DATASOURCE_USERNAME="$PGUSER" SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" \
    SERVER_PORT="$port" LINKLEDGER_BOOTSTRAP_API_KEY="$BENCH_KEY" LINKLEDGER_BASE_URL="$BENCH_URL" \
    LOGGING_LEVEL_ROOT=WARN "$@" \
    java ${JAVA_OPTS:-} -jar "$jar" >"$bench_work/$name.log" 2>&1 &
  launched_pid=$!
  for _ in $(seq 1 240); do
    if curl -fs "$url/actuator/health" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$launched_pid" 2>/dev/null; then echo "server exited:"; tail -40 "$bench_work/$name.log"; exit 1; fi
    sleep 0.5
  done
  echo "server did not become healthy"; exit 1
}

# Calls the API with the bootstrap key: api METHOD PATH [JSON]
api() {
  curl -fsS -X "$1" "$BENCH_URL$2" -H "Authorization: Bearer $BENCH_KEY" -H 'Content-Type: application/json' \
    ${3:+-d "$3"}
}

# CPU time (clock ticks, user + system) of the server, and of all PostgreSQL processes together.
bench_cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; }
bench_pg_ticks() {
  for p in $(pgrep -x postgres || true); do awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || true; done \
    | awk '{ s += $1 } END { print s + 0 }'
}
# Milliseconds of CPU per operation: bench_cpu_per TICKS OPERATIONS
bench_cpu_per() { awk -v t="$1" -v n="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN { if (n > 0) printf "%.3f", 1000 * t / hz / n; else print "n/a" }'; }
# CPU ticks (user + system) of the given processes together: bench_ticks_of PID...
bench_ticks_of() { for p in "$@"; do awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || true; done | awk '{ s += $1 } END { print s + 0 }'; }
# The PostgreSQL processes that work for the benchmark: its database's backends, and the WAL writer,
# checkpointer and background writer (other databases on a shared machine are left out).
bench_pg_pids() {
  psql -d "$bench_db" -Atc "select pid from pg_stat_activity where pid <> pg_backend_pid()
    and (datname = current_database() or backend_type in ('walwriter', 'checkpointer', 'background writer'))"
}
