#!/usr/bin/env bash
# Redirect benchmark (issue 4): the packaged server on a fresh PostgreSQL database against nginx
# answering `return 302` on the same loopback, both driven by wrk with the same script.
# Prints requests/s for both and their ratio, p50/p99 latency, the server's RSS, and the number
# of 302s answered vs click rows stored.
#
#   bash bench/redirect.sh                       # defaults below
#   CONNECTIONS=64 DURATION=30s bash bench/redirect.sh
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth, or PGPASSWORD); installs wrk and
# nginx with apt-get when missing; builds the jar when target/ has none.
set -euo pipefail
cd "$(dirname "$0")/.."

CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-15s}
DURATION=${DURATION:-30s}
PORT=${PORT:-18480}
NGINX_PORT=${NGINX_PORT:-18481}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
UA="Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"

need() {
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "== Installing $2"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
  fi
}
need wrk wrk
need nginx nginx
need curl curl
need jq jq

# A JDK >= 21: JAVA_HOME if it is one, else the newest under /usr/lib/jvm (as .ci/run does).
java_major() { "$1/bin/java" -version 2>&1 | sed -nE 's/.*version "([0-9]+).*/\1/p' | head -1; }
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ]; then
  JAVA_HOME=""
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/java" ] || continue
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      if [ -z "$JAVA_HOME" ] || [ "$major" -gt "$(java_major "$JAVA_HOME")" ]; then JAVA_HOME=$candidate; fi
    fi
  done
fi
[ -n "$JAVA_HOME" ] || { echo "needs a JDK 21 or newer under /usr/lib/jvm" >&2; exit 1; }
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

jar=$(ls target/linkledger-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ]; then
  echo "== Building the jar"
  ./mvnw -B -q -ntp -DskipTests package
  jar=$(ls target/linkledger-*.jar | grep -v original | head -1)
fi

work=$(mktemp -d /tmp/linkledger-bench.XXXXXX)
db="linkledger_bench_$(date +%s)_$$"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  psql -d postgres -qc "drop database if exists $db with (force)" >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "== Fresh PostgreSQL database $db"
psql -d postgres -qc "create database $db"
key="llk_bench_$(head -c 30 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)"

echo "== Starting $jar on port $PORT (log: $work/server.log)"
SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db?reWriteBatchedInserts=true" \
SPRING_DATASOURCE_USERNAME="$PGUSER" SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" \
SERVER_PORT=$PORT LINKLEDGER_BOOTSTRAP_API_KEY="$key" \
  java ${JAVA_OPTS:-} -jar "$jar" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 240); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { echo "server exited:"; tail -40 "$work/server.log"; exit 1; }
  sleep 0.5
done
curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null

api() { curl -fsS -H "Authorization: Bearer $key" -H 'Content-Type: application/json' "$@"; }
offer=$(api -X POST "http://127.0.0.1:$PORT/api/v1/offers" -d '{"name":"Bench","type":"LINK","conversionType":"SALE",
  "currency":"USD","destinationUrl":"https://shareasale.com/r.cfm?b=1&u=2&m=3&afftrack={transaction_id}",
  "payouts":[{"type":"CPS","percent":"10"}]}' | jq -r .id)
member=$(api -X POST "http://127.0.0.1:$PORT/api/v1/members" -d '{"name":"Bench Member","email":"bench@example.com"}' | jq -r .id)
link=$(api -X POST "http://127.0.0.1:$PORT/api/v1/offers/$offer/members" -d "{\"memberIds\":[\"$member\"]}" \
  | jq -r '.assignments[0].trackingLink')
path="/r/${link##*/}"
echo "== Tracking link $path"

cat >"$work/nginx.conf" <<NGINX
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / { return 302 "https://shareasale.com/r.cfm?b=1&u=2&m=3&afftrack=0000000000000000000000"; }
  }
}
NGINX
nginx -c "$work/nginx.conf" -p "$work"
sleep 0.5

run() { # url duration -> wrk output file
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --timeout 10s -H "User-Agent: $UA" -s bench/redirect-count.lua "$1" >"$3"
}
field() { sed -nE "s/^$1: (.*)$/\1/p" "$2"; }

echo "== Warm-up ($WARMUP each)"
run "http://127.0.0.1:$PORT$path" "$WARMUP" "$work/warm-server.txt"
run "http://127.0.0.1:$NGINX_PORT$path" "$WARMUP" "$work/warm-nginx.txt"
echo "== Measured runs ($DURATION each, $CONNECTIONS connections, $THREADS wrk threads)"
run "http://127.0.0.1:$PORT$path" "$DURATION" "$work/server.txt"
rss_kb=$(ps -o rss= -p "$server_pid" | tr -d ' ')
run "http://127.0.0.1:$NGINX_PORT$path" "$DURATION" "$work/nginx.txt"
sleep 1

server_rps=$(field rps "$work/server.txt"); nginx_rps=$(field rps "$work/nginx.txt")
wrk_302=$(( $(field answers_302 "$work/warm-server.txt") + $(field answers_302 "$work/server.txt") ))
answered=$(curl -fs "http://127.0.0.1:$PORT/actuator/prometheus" \
  | sed -nE 's/^http_server_requests_seconds_count\{.*status="302".*uri="\/r\/\{code\}".*\} ([0-9.E]+)$/\1/p' \
  | awk '{ s += $1 } END { printf "%d", s }')
stored=$(psql -d "$db" -tAc "select count(*) from clicks")
rollup=$(psql -d "$db" -tAc "select coalesce(sum(clicks + bot_clicks), 0) from click_daily")
curl -fs "http://127.0.0.1:$PORT/actuator/prometheus" >"$work/metrics.txt"
batch=$(awk '/^linkledger_clicks_batch_size_sum/ { s = $2 } /^linkledger_clicks_batch_size_count/ { c = $2 }
  END { if (c > 0) printf "%.1f", s / c; else print "n/a" }' "$work/metrics.txt")
flush=$(awk '/^linkledger_clicks_flush_seconds_sum/ { s = $2 } /^linkledger_clicks_flush_seconds_count/ { c = $2 }
  END { if (c > 0) printf "%.2f", 1000 * s / c; else print "n/a" }' "$work/metrics.txt")

echo
echo "== Results ($(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-34s %12s %12s\n' "" "linkledger" "nginx 302"
printf '%-34s %12s %12s\n' "requests/s" "$server_rps" "$nginx_rps"
printf '%-34s %12s %12s\n' "p50 latency (ms)" "$(field p50_ms "$work/server.txt")" "$(field p50_ms "$work/nginx.txt")"
printf '%-34s %12s %12s\n' "p99 latency (ms)" "$(field p99_ms "$work/server.txt")" "$(field p99_ms "$work/nginx.txt")"
printf '%-34s %12s %12s\n' "non-302 answers / socket errors" \
  "$(field answers_other "$work/server.txt")/$(field socket_errors "$work/server.txt")" \
  "$(field answers_other "$work/nginx.txt")/$(field socket_errors "$work/nginx.txt")"
echo "throughput ratio linkledger/nginx: $(awk -v a="$server_rps" -v b="$nginx_rps" 'BEGIN { printf "%.3f", a / b }')"
echo "server RSS after the measured run: $(( rss_kb / 1024 )) MiB"
echo "mean clicks per batched insert: $batch, mean flush (insert + commit): $flush ms"
echo "302s answered by the server: $answered (received by wrk: $wrk_302)"
echo "click rows stored: $stored (daily rollup total: $rollup)"
if [ "$answered" = "$stored" ]; then echo "clicks stored == 302s answered: yes"; else echo "clicks stored == 302s answered: NO"; fi
