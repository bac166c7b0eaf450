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
# nginx with apt-get when missing; packages the current code first.
set -euo pipefail
cd "$(dirname "$0")/.."

CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-15s}
DURATION=${DURATION:-30s}
PORT=${PORT:-18480}
NGINX_PORT=${NGINX_PORT:-18481}
UA="Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
source bench/lib.sh
need wrk wrk
need nginx nginx
need curl curl
need jq jq
work=$bench_work
cleanup() {
  bench_cleanup
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT
bench_jar
bench_start "$PORT"
offer=$(api POST /api/v1/offers '{"name":"Bench","type":"LINK","conversionType":"SALE",
  "currency":"USD","destinationUrl":"https://shareasale.com/r.cfm?b=1&u=2&m=3&afftrack={transaction_id}",
  "payouts":[{"type":"CPS","percent":"10"}]}' | jq -r .id)
member=$(api POST /api/v1/members '{"name":"Bench Member","email":"bench@example.com"}' | jq -r .id)
link=$(api POST "/api/v1/offers/$offer/members" "{\"memberIds\":[\"$member\"]}" \
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
jvm0=$(bench_cpu_ticks); pg0=$(bench_pg_ticks); stored0=$(psql -d "$bench_db" -tAc "select count(*) from clicks")
run "http://127.0.0.1:$PORT$path" "$DURATION" "$work/server.txt"
jvm1=$(bench_cpu_ticks); pg1=$(bench_pg_ticks); stored1=$(psql -d "$bench_db" -tAc "select count(*) from clicks")
rss_kb=$(ps -o rss= -p "$server_pid" | tr -d ' ')
run "http://127.0.0.1:$NGINX_PORT$path" "$DURATION" "$work/nginx.txt"
sleep 1

server_rps=$(field rps "$work/server.txt"); nginx_rps=$(field rps "$work/nginx.txt")
wrk_302=$(( $(field answers_302 "$work/warm-server.txt") + $(field answers_302 "$work/server.txt") ))
answered=$(curl -fs "http://127.0.0.1:$PORT/actuator/prometheus" \
  | sed -nE 's/^linkledger_redirects_seconds_count\{.*outcome="tracked".*\} ([0-9.E]+)$/\1/p' \
  | awk '{ s += $1 } END { printf "%d", s }')
stored=$(psql -d "$bench_db" -tAc "select count(*) from clicks")
rollup=$(psql -d "$bench_db" -tAc "select coalesce(sum(clicks + bot_clicks), 0) from click_daily")
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
measured=$(( stored1 - stored0 ))
echo "CPU per stored click in the measured run: server $(bench_cpu_per $(( jvm1 - jvm0 )) "$measured") ms, PostgreSQL $(bench_cpu_per $(( pg1 - pg0 )) "$measured") ms"
echo "server RSS after the measured run: $(( rss_kb / 1024 )) MiB"
echo "mean clicks per batched insert: $batch, mean flush (insert + commit): $flush ms"
echo "302s answered by the server: $answered (received by wrk: $wrk_302)"
echo "click rows stored: $stored (daily rollup total: $rollup)"
if [ "$answered" = "$stored" ]; then echo "clicks stored == 302s answered: yes"; else echo "clicks stored == 302s answered: NO"; fi
