#!/usr/bin/env bash
# Redirect benchmark (issues 4 and 17): the packaged server on a fresh PostgreSQL database against
# nginx answering `return 302` on the same loopback, all driven by wrk with the same script, at
# each connection count in CONNECTIONS (in one run, so the figures compare). The server runs with
# the event-loop edge on (the default), so one process answers tracking links on two paths: the
# edge on PORT and Tomcat's own filter on TOMCAT_PORT (the loopback port the edge passes other
# requests to); PATHS chooses which are measured. Prints for each path and count:
# requests/s and the ratio to nginx, p50/p99 latency, the server's and PostgreSQL's CPU time and
# context switches per stored click (from /proc deltas over the measured run), the server's RSS,
# and the 302s answered vs click rows stored in that run.
#
#   bash bench/redirect.sh                          # defaults below
#   CONNECTIONS="64" DURATION=30s bash bench/redirect.sh
#   BENCH_DB=ll_redirect bash bench/redirect.sh     # recreate and keep this database
#   BENCH_JFR=/tmp/redirect bash bench/redirect.sh  # profile each measured run: /tmp/redirect-<path>-<conns>.jfr
#   PATHS="edge tomcat" bash bench/redirect.sh     # Tomcat's own filter path too, for comparison
#   JAVA_OPTS="-Xmx256m" bash bench/redirect.sh     # G1 instead of the recommended flags
#   PRIME=60s bash bench/redirect.sh                # longer load before the first measurement (JIT)
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth, or PGPASSWORD); installs wrk and
# nginx with apt-get when missing; packages the current code first. The machine's load average is
# printed with every figure: other work on the same cores moves every number.
set -euo pipefail
cd "$(dirname "$0")/.."

CONNECTIONS=${CONNECTIONS:-"64 1024"}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-3s}
# Load on each path before anything is measured, so the figures are of compiled code, not of the
# JIT: in the first half minute C2 alone takes about half of the server's CPU.
PRIME=${PRIME:-20s}
DURATION=${DURATION:-10s}
PORT=${PORT:-18480}
TOMCAT_PORT=${TOMCAT_PORT:-$((PORT + 1))}
NGINX_PORT=${NGINX_PORT:-$((PORT + 2))}
# The edge alone by default: it is what answers tracking links. Tomcat's filter path measured in the
# same JVM ("edge tomcat") leaves its 1,024 connections' garbage in the heap the edge is measured in
# next (full collections of 0.1-0.3 s fell into the edge's rows, docs/PERFORMANCE.md).
PATHS=${PATHS:-"edge"}
# The JVM flags docs/operations.md recommends for a node that answers tracking links: the parallel
# collector (on two cores G1's barriers and concurrent marking cost a quarter of the server's CPU
# per click, docs/PERFORMANCE.md) and a fixed heap.
JAVA_OPTS=${JAVA_OPTS:-"-XX:+UseParallelGC -Xms256m -Xmx256m"}
UA="Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
# 1,024 connections need more descriptors than the usual soft limit of 1,024.
ulimit -n "$(ulimit -Hn | awk '{ print ($1 == "unlimited" || $1 > 65536) ? 65536 : $1 }')"
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
# Metrics need a token (docs/security.md); the script reads its own counters with this one.
METRICS_TOKEN="bench-metrics-$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
bench_start "$PORT" LINKLEDGER_METRICS_TOKEN="$METRICS_TOKEN" \
  LINKLEDGER_REDIRECT_EDGE=true LINKLEDGER_REDIRECT_EDGE_TOMCAT_PORT="$TOMCAT_PORT"
declare -A port_of=([edge]=$PORT [tomcat]=$TOMCAT_PORT)
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
events { worker_connections 8192; }
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

run() { # url connections duration output
  wrk -t"$THREADS" -c"$2" -d"$3" --timeout 10s -H "User-Agent: $UA" -s bench/redirect-count.lua "$1" >"$4"
}
field() { sed -nE "s/^$1: (.*)$/\1/p" "$2"; }
# Context switches (voluntary + involuntary) of all threads of the given processes.
ctx_switches() {
  for p in "$@"; do cat /proc/"$p"/task/*/status 2>/dev/null || true; done \
    | awk '/^(voluntary|nonvoluntary)_ctxt_switches/ { s += $2 } END { print s + 0 }'
}
# Kernel (system) ticks of a process: the share of its CPU spent in system calls and scheduling.
sys_ticks() { awk '{ print $15 }' "/proc/$1/stat"; }
answered() {
  curl -fs -H "Authorization: Bearer $METRICS_TOKEN" "http://127.0.0.1:$PORT/actuator/prometheus" \
    | sed -nE 's/^linkledger_redirects_seconds_count\{.*outcome="tracked".*\} ([0-9.E]+)$/\1/p' \
    | awk '{ s += $1 } END { printf "%d", s }'
}
stored() { psql -d "$bench_db" -tAc "select count(*) from clicks"; }
per() { awk -v a="$1" -v n="$2" -v k="$3" 'BEGIN { if (n > 0) printf "%.1f", k * a / n; else print "n/a" }'; }
us_per_tick=$(awk -v hz="$(getconf CLK_TCK)" 'BEGIN { print 1e6 / hz }')

declare -A row
# One path at one connection count: warm-up, then the measured run with /proc deltas; sets row[$1-$2].
measure() { # path connections
  local name=$1 c=$2 url="http://127.0.0.1:${port_of[$1]}$path"
  run "$url" "$c" "$WARMUP" "$work/warm-$name-$c.txt"
  sleep 1
  local pgp sys0 jvm0 pg0 jcs0 pcs0 stored0 answered0 load0 sys1 jvm1 pg1 jcs1 pcs1 rss_kb stored1 answered1 load1 n
  pgp=$(bench_pg_pids | tr '\n' ' ')
  sys0=$(sys_ticks "$server_pid"); jvm0=$(bench_ticks_of "$server_pid"); pg0=$(bench_ticks_of $pgp); jcs0=$(ctx_switches "$server_pid"); pcs0=$(ctx_switches $pgp)
  stored0=$(stored); answered0=$(answered)
  load0=$(cut -d' ' -f1 /proc/loadavg)
  # A flight recording of the measured run only (startup and warm-up left out), when asked for.
  if [ -n "${BENCH_JFR:-}" ]; then
    jcmd "$server_pid" JFR.start name="bench-$name-$c" settings=profile duration="$DURATION" filename="$BENCH_JFR-$name-$c.jfr" >/dev/null
  fi
  run "$url" "$c" "$DURATION" "$work/$name-$c.txt"
  sys1=$(sys_ticks "$server_pid"); jvm1=$(bench_ticks_of "$server_pid"); pg1=$(bench_ticks_of $pgp); jcs1=$(ctx_switches "$server_pid"); pcs1=$(ctx_switches $pgp)
  rss_kb=$(awk '/^VmRSS/ { print $2 }' "/proc/$server_pid/status")
  load1=$(cut -d' ' -f1 /proc/loadavg)
  sleep 1 # requests in flight when wrk stopped get their answer and their row
  stored1=$(stored); answered1=$(answered)
  n=$(( stored1 - stored0 ))
  local s="$work/$name-$c.txt" g="$work/nginx-$c.txt"
  row[$name-$c]=$(printf '| %s | %s | %s | %s | %s / %s | %s (%s %% kernel) | %s | %s | %s | %s | %d / %d | %s / %s | %s–%s |' \
    "$c" "$name" "$(field rps "$s")" \
    "$(awk -v a="$(field rps "$s")" -v b="$(field rps "$g")" 'BEGIN { printf "%.3f", a / b }')" \
    "$(field p50_ms "$s")" "$(field p99_ms "$s")" \
    "$(per $(( jvm1 - jvm0 )) "$n" "$us_per_tick")" "$(per $(( sys1 - sys0 )) $(( jvm1 - jvm0 )) 100)" \
    "$(per $(( pg1 - pg0 )) "$n" "$us_per_tick")" \
    "$(per $(( jcs1 - jcs0 )) "$n" 1)" "$(per $(( pcs1 - pcs0 )) "$n" 1)" "$(( rss_kb / 1024 ))" \
    $(( answered1 - answered0 )) "$n" "$(field answers_other "$s")" "$(field socket_errors "$s")" "$load0" "$load1")
}

for p in $PATHS; do
  echo "== Priming $p: $PRIME at 256 connections, not measured"
  run "http://127.0.0.1:${port_of[$p]}$path" 256 "$PRIME" "$work/prime-$p.txt"
done

for c in $CONNECTIONS; do
  echo "== $c connections: warm-up $WARMUP, then $DURATION measured, for nginx and for each of: $PATHS"
  run "http://127.0.0.1:$NGINX_PORT$path" "$c" "$WARMUP" "$work/warm-nginx-$c.txt"
  ngp="$(cat "$work/nginx.pid") $(pgrep -P "$(cat "$work/nginx.pid")" | tr '\n' ' ')"
  ng0=$(bench_ticks_of $ngp); nload0=$(cut -d' ' -f1 /proc/loadavg)
  run "http://127.0.0.1:$NGINX_PORT$path" "$c" "$DURATION" "$work/nginx-$c.txt"
  ng1=$(bench_ticks_of $ngp); nload1=$(cut -d' ' -f1 /proc/loadavg)
  g="$work/nginx-$c.txt"
  row[nginx-$c]=$(printf '| %s | nginx | %s | 1 | %s / %s | %s per request | | | | | | %s / %s | %s–%s |' \
    "$c" "$(field rps "$g")" "$(field p50_ms "$g")" "$(field p99_ms "$g")" \
    "$(per $(( ng1 - ng0 )) "$(field requests "$g")" "$us_per_tick")" "$(field answers_other "$g")" \
    "$(field socket_errors "$g")" "$nload0" "$nload1")
  for p in $PATHS; do measure "$p" "$c"; done
done

curl -fs -H "Authorization: Bearer $METRICS_TOKEN" "http://127.0.0.1:$PORT/actuator/prometheus" >"$work/metrics.txt"
batch=$(awk '/^linkledger_clicks_batch_size_sum/ { s = $2 } /^linkledger_clicks_batch_size_count/ { c = $2 }
  END { if (c > 0) printf "%.1f", s / c; else print "n/a" }' "$work/metrics.txt")
flush=$(awk '/^linkledger_clicks_flush_seconds_sum/ { s = $2 } /^linkledger_clicks_flush_seconds_count/ { c = $2 }
  END { if (c > 0) printf "%.2f", 1000 * s / c; else print "n/a" }' "$work/metrics.txt")
sleep 2 # the rollup applier runs at least every second
total_answered=$(answered); total_stored=$(stored)
rollup=$(psql -d "$bench_db" -tAc "select coalesce(sum(clicks + bot_clicks), 0) from click_daily")

echo
echo "== Results ($(nproc) CPUs; wrk -t$THREADS, $WARMUP warm-up, $DURATION measured; CPU in µs and context switches per stored click)"
echo "| conns | path | req/s | ratio to nginx | p50 / p99 ms | server CPU µs | PostgreSQL CPU µs | server ctx sw | PostgreSQL ctx sw | server RSS MiB | 302s answered / rows stored | non-302 / socket errors | load avg |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for c in $CONNECTIONS; do
  echo "${row[nginx-$c]}"
  for p in $PATHS; do echo "${row[$p-$c]}"; done
done
echo "mean clicks per batch: $batch, mean flush (insert + commit): $flush ms (whole run, warm-ups included)"
echo "whole run: 302s answered $total_answered, click rows stored $total_stored, daily rollup total $rollup"
if [ "$total_answered" = "$total_stored" ] && [ "$total_stored" = "$rollup" ]; then
  echo "clicks stored == 302s answered == rollup: yes"
else
  echo "clicks stored == 302s answered == rollup: NO"; exit 1
fi
