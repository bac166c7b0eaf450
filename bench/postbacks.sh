#!/usr/bin/env bash
# Postback benchmark (issue 5): the packaged server on a fresh PostgreSQL database; an offer,
# member, assignment and ShareASale integration made through the API; N clicks inserted; then
# wrk fires ShareASale postbacks concurrently:
#   1. warm-up on separate clicks,
#   2. "unique": every request a new transaction (each creates a conversion),
#   3. "duplicates": the same transactions again (each must answer 200 with the same id and
#      create nothing).
# Prints accepted postbacks/s for both phases and checks the conversion count.
#
#   bash bench/postbacks.sh
#   CONNECTIONS=32 DURATION=20s bash bench/postbacks.sh
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth, or PGPASSWORD); installs wrk,
# curl and jq with apt-get when missing; packages the current code first.
set -euo pipefail
cd "$(dirname "$0")/.."

CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-30s}
DURATION=${DURATION:-20s}
CLICKS=${CLICKS:-200000}
PORT=${PORT:-18580}
source bench/lib.sh
need wrk wrk
need curl curl
need jq jq
need psql postgresql-client
work=$bench_work
trap bench_cleanup EXIT
bench_jar
# /actuator/prometheus answers only with the metrics token (docs/security.md)
METRICS_TOKEN="bench-metrics-$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
bench_start "$PORT" LINKLEDGER_METRICS_TOKEN="$METRICS_TOKEN"
db=$bench_db
echo "== Offer, member, assignment and ShareASale integration through the API"
offer=$(api POST /api/v1/offers '{"name":"Bench offer","type":"LINK","conversionType":"SALE","currency":"USD",
  "destinationUrl":"https://shareasale.com/r.cfm?b=1&u=3353969&m=5678&afftrack={transaction_id}",
  "payouts":[{"name":"Default","type":"CPS","percent":"10"}]}' | jq -r .id)
member=$(api POST /api/v1/members '{"name":"Bench Member","email":"bench@example.test"}' | jq -r .id)
api POST "/api/v1/offers/$offer/members" "{\"memberIds\":[\"$member\"]}" >/dev/null
integration=$(api POST /api/v1/integrations '{"type":"SHAREASALE","name":"Bench ShareASale"}')
key=$(echo "$integration" | jq -r .key)

echo "== Inserting $CLICKS clicks (plus 50000 for the warm-up)"
psql -d "$db" -q <<SQL
insert into clicks (transaction_id, clicked_at, brand_id, offer_id, member_id, project_id, assignment_id,
    visitor_key, user_agent, referrer, is_bot, is_unique)
select 'bench-' || n, now() - interval '1 hour', om.brand_id, om.offer_id, om.member_id, null, om.id,
    md5(n::text), 'bench', null, false, true
from offer_members om, generate_series(0, $CLICKS + 50000 - 1) n
where om.offer_id = '$offer';
analyze clicks;
SQL

conversions() { psql -d "$db" -Atc "select count(*) from conversions"; }
settle() {  # requests wrk abandoned at its deadline are still processed; wait until they are done
  local last=-1 now
  for _ in $(seq 1 60); do
    now=$(psql -d "$db" -Atc "select count(*) from inbound_requests where outcome <> 'RECEIVED'")
    [ "$now" = "$last" ] && return 0
    last=$now
    sleep 1
  done
}
run() {  # name offset count duration [ids file]
  KEY=$key OFFSET=$2 COUNT=$3 IDS_FILE=${5:-} THREADS=$THREADS wrk -t"$THREADS" -c"$CONNECTIONS" -d"$4" --latency \
    -s bench/postbacks.lua "http://127.0.0.1:$PORT" >"$work/$1.txt"
  local total non2xx rps
  total=$(sed -nE 's/^ *([0-9]+) requests in.*/\1/p' "$work/$1.txt")
  non2xx=$(sed -nE 's/^ *Non-2xx or 3xx responses: *([0-9]+).*/\1/p' "$work/$1.txt")
  non2xx=${non2xx:-0}
  rps=$(sed -nE 's/^Requests\/sec: *([0-9.]+).*/\1/p' "$work/$1.txt")
  p50=$(sed -nE 's/^ *50% +([0-9.]+[a-z]+).*/\1/p' "$work/$1.txt")
  p99=$(sed -nE 's/^ *99% +([0-9.]+[a-z]+).*/\1/p' "$work/$1.txt")
  echo "$total $non2xx $rps $p50 $p99"
}

echo "== Warm-up ($WARMUP)"
run warmup "$CLICKS" 50000 "$WARMUP" >/dev/null
settle
# Statistics for the tables the warm-up filled, as autovacuum would take them in production (it is
# off on this machine's PostgreSQL): plans cached while the tables were empty would scan them.
psql -d "$db" -qc "analyze"
before=$(conversions)

# The backends serving this benchmark's database only (the server's pool): other databases' work is
# not counted, nor the shared WAL writer and checkpointer (in bench_pg_ticks).
db_ticks() { for p in $(psql -d "$db" -Atc "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()"); do awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || true; done | awk '{ s += $1 } END { print s + 0 }'; }
batches() { curl -fs -H "Authorization: Bearer $METRICS_TOKEN" "http://127.0.0.1:$PORT/actuator/prometheus" | awk '/^linkledger_postbacks_batch_size_(count|sum)/ { printf "%s ", $2 } END { print "" }'; }
echo "== Unique postbacks ($DURATION, $CONNECTIONS connections)"
jvm0=$(bench_cpu_ticks); pg0=$(bench_pg_ticks); db0=$(db_ticks); read -r b_n0 b_sum0 < <(batches)
read -r u_total u_bad u_rps u_p50 u_p99 < <(run unique 0 "$CLICKS" "$DURATION")
settle
jvm1=$(bench_cpu_ticks); pg1=$(bench_pg_ticks); db1=$(db_ticks); read -r b_n1 b_sum1 < <(batches)
after_unique=$(conversions)
created=$((after_unique - before))
if [ "$u_total" -ge "$CLICKS" ]; then echo "!! more requests than clicks: raise CLICKS" >&2; exit 1; fi

# Repeat exactly the transactions that became conversions (wrk stops its threads unevenly).
psql -d "$db" -Atc "select substr(transaction_id, 7) from conversions where transaction_id like 'bench-%'" >"$work/ids.txt"
echo "== Duplicates of those $(wc -l <"$work/ids.txt") postbacks ($DURATION)"
read -r d_total d_bad d_rps d_p50 d_p99 < <(run duplicates 0 1 "$DURATION" "$work/ids.txt")
settle
after_dup=$(conversions)

accepted_rps=$(awk -v t="$u_total" -v b="$u_bad" -v r="$u_rps" 'BEGIN { printf "%.0f", (t > 0 ? r * (t - b) / t : 0) }')
dup_rps=$(awk -v t="$d_total" -v b="$d_bad" -v r="$d_rps" 'BEGIN { printf "%.0f", (t > 0 ? r * (t - b) / t : 0) }')
inbound=$(psql -d "$db" -Atc "select string_agg(outcome || '=' || n, ' ') from (select outcome, count(*) n from inbound_requests group by 1 order by 1) x")
rss=$(ps -o rss= -p "$server_pid" | awk '{ printf "%.0f", $1 / 1024 }')
jvm_ms=$(bench_cpu_per $(( jvm1 - jvm0 )) "$created")
pg_ms=$(bench_cpu_per $(( pg1 - pg0 )) "$created")
db_ms=$(bench_cpu_per $(( db1 - db0 )) "$created")
batch_mean=$(awk -v a="$b_sum0" -v b="$b_sum1" -v c="$b_n0" -v d="$b_n1" 'BEGIN { printf "%.1f", (d > c ? (b - a) / (d - c) : 0) }')

echo
echo "Postback benchmark on PostgreSQL, $CONNECTIONS connections, $THREADS wrk threads, $(nproc) cores"
echo "  unique:     $u_total requests, $u_bad non-2xx, $u_rps req/s -> accepted $accepted_rps postbacks/s (p50 $u_p50, p99 $u_p99)"
echo "              conversions created: $created (answered 200: $((u_total - u_bad)); in-flight at stop may add a few)"
echo "  duplicates: $d_total requests, $d_bad non-2xx, $d_rps req/s -> answered $dup_rps duplicates/s (p50 $d_p50, p99 $d_p99)"
echo "              conversions before $after_unique, after $after_dup (must be equal)"
echo "  inbound requests stored: $inbound"
echo "  CPU per accepted postback: server ${jvm_ms} ms, PostgreSQL ${db_ms} ms (this database's backends; ${pg_ms} ms all postgres processes)"
echo "  postbacks per batch (group commit), unique phase: mean $batch_mean"
echo "  load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (other work on this machine slows every figure)"
echo "  server RSS: ${rss} MiB"
if [ "$after_dup" -ne "$after_unique" ]; then echo "FAIL: duplicates created conversions" >&2; exit 1; fi
if [ "$u_bad" -ne 0 ] || [ "$d_bad" -ne 0 ]; then echo "FAIL: non-2xx answers, see $work/*.txt" >&2; exit 1; fi
echo "OK: duplicates created no conversions"
