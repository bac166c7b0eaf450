#!/usr/bin/env bash
# Scale-out benchmark (issue 16): the redirect in kafka mode against a local 3-broker cluster
# (.ci/kafka/cluster.sh, started on fresh data and stopped at the end), first with one node, then
# with two nodes on the same PostgreSQL database, wrk's threads split between them and its
# requests spread over LINKS tracking links (bench/scale-out.lua). At each connection count in
# CONNECTIONS it prints requests/s, p50/p99 latency, the CPU time per stored click of the nodes,
# of the three brokers and of PostgreSQL, and the 302s answered vs click rows stored. The CPU is
# counted over the measured run and the consumers' catch-up after it (clicks reach PostgreSQL
# after their 302 in kafka mode), until every answered click is stored.
#
#   bash bench/scale-out.sh                                  # defaults below
#   CONNECTIONS="256" DURATION=30s bash bench/scale-out.sh
#   BACKEND=database bash bench/scale-out.sh                 # the same two nodes on the group commit, no Kafka
#   KAFKA_BASE_PORT=23092 KAFKA_DIR=target/kafka bash bench/scale-out.sh
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth, or PGPASSWORD) and, the first
# time, Maven Central for the Kafka jars; installs wrk with apt-get when missing; packages the
# current code first (BENCH_SKIP_BUILD=1 reuses the jar). Every process here shares the same
# cores: the load average is printed with every figure.
set -euo pipefail
cd "$(dirname "$0")/.."

BACKEND=${BACKEND:-kafka}
CONNECTIONS=${CONNECTIONS:-"64 512"}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-5s}
DURATION=${DURATION:-15s}
LINKS=${LINKS:-12}
PORTS=${PORTS:-"18131 18132"}
export KAFKA_BASE_PORT=${KAFKA_BASE_PORT:-29092} KAFKA_DIR=${KAFKA_DIR:-$PWD/target/kafka-bench}
UA="Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
ulimit -n "$(ulimit -Hn | awk '{ print ($1 == "unlimited" || $1 > 65536) ? 65536 : $1 }')"
source bench/lib.sh
source .ci/kafka/cluster.sh
need wrk wrk
need curl curl
need jq jq
work=$bench_work
node_pids=()
cleanup() {
  for p in "${node_pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  bench_cleanup
  if [ "$BACKEND" = kafka ]; then kafka_stop || true; fi
}
trap cleanup EXIT
bench_jar

METRICS_TOKEN="bench-metrics-$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
node_env=(LINKLEDGER_METRICS_TOKEN="$METRICS_TOKEN" LINKLEDGER_EVENTS_BACKEND="$BACKEND")
if [ "$BACKEND" = kafka ]; then
  echo "== 3-broker Kafka cluster on fresh data in $KAFKA_DIR"
  kafka_clean && kafka_start
  node_env+=(SPRING_KAFKA_BOOTSTRAP_SERVERS="$(kafka_bootstrap)")
fi
read -r -a ports <<<"$PORTS"
bench_start "${ports[0]}" "${node_env[@]}"
node_pids+=("$server_pid")
server_pid="" # stopped with the other nodes, in cleanup

offer=$(api POST /api/v1/offers '{"name":"Scale-out bench","type":"LINK","conversionType":"SALE",
  "currency":"USD","destinationUrl":"https://shareasale.com/r.cfm?b=1&u=2&m=3&afftrack={transaction_id}",
  "payouts":[{"type":"CPS","percent":"10"}]}' | jq -r .id)
members=$(for i in $(seq 1 "$LINKS"); do
  api POST /api/v1/members "{\"name\":\"Bench Member $i\",\"email\":\"bench-$i@example.com\"}" | jq -r .id
done | jq -R . | jq -sc .)
PATHS=$(api POST "/api/v1/offers/$offer/members" "{\"memberIds\":$members}" \
  | jq -r '.assignments[].trackingLink | "/r/" + (split("/") | last)' | tr '\n' ' ')
export PATHS
echo "== $LINKS tracking links, e.g. ${PATHS%% *}"

run() { # connections duration output
  wrk -t"$THREADS" -c"$1" -d"$2" --timeout 10s -H "User-Agent: $UA" -s bench/scale-out.lua "$BENCH_URL" >"$3"
}
field() { sed -nE "s/^$1: (.*)$/\1/p" "$2"; }
# Requests answered by the nodes with the given outcome (tracked: a 302 with a click; unavailable: the 503 page).
outcome() {
  for port in $NODES_PORTS; do
    curl -fs -H "Authorization: Bearer $METRICS_TOKEN" "http://127.0.0.1:$port/actuator/prometheus" \
      | sed -nE "s/^linkledger_redirects_seconds_count\\{.*outcome=\"$1\".*\\} ([0-9.E]+)\$/\\1/p"
  done | awk '{ s += $1 } END { printf "%d", s }'
}
answered() { outcome tracked; }
stored() { psql -d "$bench_db" -tAc "select count(*) from clicks"; }
broker_pids() { if [ "$BACKEND" = kafka ]; then cat "$KAFKA_DIR"/broker-*/broker.pid | tr '\n' ' '; fi; }
# Waits until every answered click is stored, or the count of stored clicks stood still for 10 s.
drain() {
  local last=-1 still=0 now
  while [ "$(stored)" -lt "$(answered)" ] && [ "$still" -lt 20 ]; do
    now=$(stored)
    if [ "$now" = "$last" ]; then still=$(( still + 1 )); else still=0; fi
    last=$now
    sleep 0.5
  done
}
per() { awk -v a="$1" -v n="$2" -v k="$3" 'BEGIN { if (n > 0) printf "%.1f", k * a / n; else print "n/a" }'; }
us_per_tick=$(awk -v hz="$(getconf CLK_TCK)" 'BEGIN { print 1e6 / hz }')

rows=()
measure() { # label (the nodes in NODES_PORTS take the load)
  export NODES=$(for port in $NODES_PORTS; do printf '127.0.0.1:%s ' "$port"; done)
  for c in $CONNECTIONS; do
    echo "== $1, $c connections: warm-up $WARMUP, then $DURATION measured"
    run "$c" "$WARMUP" "$work/warm-$1-$c.txt"
    drain
    local pgp kp n0 k0 p0 s0 a0 l0 n1 k1 p1 s1 a1 l1 out="$work/run-$1-$c.txt"
    pgp=$(bench_pg_pids | tr '\n' ' '); kp=$(broker_pids)
    n0=$(bench_ticks_of "${node_pids[@]}"); k0=$(bench_ticks_of $kp); p0=$(bench_ticks_of $pgp)
    s0=$(stored); a0=$(answered); l0=$(cut -d' ' -f1 /proc/loadavg)
    run "$c" "$DURATION" "$out"
    drain
    n1=$(bench_ticks_of "${node_pids[@]}"); k1=$(bench_ticks_of $kp); p1=$(bench_ticks_of $pgp)
    s1=$(stored); a1=$(answered); l1=$(cut -d' ' -f1 /proc/loadavg)
    local n=$(( s1 - s0 ))
    rows+=("$(printf '| %s | %s | %s | %s / %s | %s | %s | %s | %s | %d / %d | %s / %s | %s–%s |' \
      "$1" "$c" "$(field rps "$out")" "$(field p50_ms "$out")" "$(field p99_ms "$out")" \
      "$(per $(( n1 - n0 )) "$n" "$us_per_tick")" "$([ "$BACKEND" = kafka ] && per $(( k1 - k0 )) "$n" "$us_per_tick" || echo –)" \
      "$(per $(( p1 - p0 )) "$n" "$us_per_tick")" \
      "$(per $(( n1 - n0 + k1 - k0 + p1 - p0 )) "$n" "$us_per_tick")" \
      $(( a1 - a0 )) "$n" "$(field answers_other "$out")" "$(field socket_errors "$out")" "$l0" "$l1")")
  done
}

NODES_PORTS=${ports[0]}
measure "1 node"
bench_launch "${ports[1]}" node-2 "${node_env[@]}"
node_pids+=("$launched_pid")
NODES_PORTS="${ports[0]} ${ports[1]}"
measure "2 nodes"

drain
total_answered=$(answered); total_unavailable=$(outcome unavailable); total_stored=$(stored)
rollup=$(psql -d "$bench_db" -tAc "select coalesce(sum(clicks + bot_clicks), 0) from click_daily")

echo
echo "== Results, $BACKEND backend ($(nproc) CPUs; wrk -t$THREADS over $LINKS links, $WARMUP warm-up, $DURATION measured; CPU in µs per stored click)"
echo "| nodes | conns | req/s | p50 / p99 ms | nodes CPU µs | Kafka CPU µs | PostgreSQL CPU µs | all CPU µs | 302s answered / rows stored | non-302 / socket errors | load avg |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo "whole run: 302s answered $total_answered, 503s $total_unavailable, click rows stored $total_stored, daily rollup total $rollup"
# A click answered with the 503 page after ack-timeout may still be stored (nothing was promised);
# a 302 without its row, or a rollup that differs from the rows, is a failure.
if [ "$total_stored" -ge "$total_answered" ] && [ "$total_stored" -le $(( total_answered + total_unavailable )) ] \
  && [ "$total_stored" = "$rollup" ]; then
  echo "every 302 stored, rows beyond the 302s <= 503s, rollup == rows: yes"
else
  echo "every 302 stored, rows beyond the 302s <= 503s, rollup == rows: NO"; exit 1
fi
