#!/usr/bin/env bash
# Report benchmark (issue 8): the packaged server on a fresh PostgreSQL database; an offer and
# MEMBERS members (CSV import + one assign call, both jobs) made through the API; then CLICKS
# clicks and CONVERSIONS conversions loaded directly with SQL (generate_series), spread over 90
# days and the members, with their rollups built from them as the migrations' backfills do (V40 and V41
# for the day rows and running totals, V65 for the link totals and the offer days).
# One member, the "busy" one, gets 1% of all clicks and conversions on top of its share.
# Then the p95 latency, over REQUESTS sequential requests after a warm-up, of
#   1. the offer report          GET /api/v1/reports/offers/{id}?from&to   (90 days)
#   2. the member table          GET /api/v1/reports/offers/{id}/members?sort=COMMISSION&limit=50
#   3. the busy member dashboard GET /d/{token}.json?range=90
# Target: p95 <= 50 ms each. Also timed, without a target: the offer report without its members
# (members=false) and the member table over the last 30 days (running totals read from inside the
# members' activity, not only at its ends).
#
#   bash bench/reports.sh
#   CLICKS=1000000 CONVERSIONS=100000 MEMBERS=1000 bash bench/reports.sh    # a quick run
#   REQUESTS=20 WARMUP=3 bash bench/reports.sh   # while a report takes seconds (docs/PERFORMANCE.md)
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth, or PGPASSWORD); installs curl,
# jq and psql with apt-get when missing; packages the current code first (BENCH_SKIP_BUILD=1 to skip).
set -euo pipefail
cd "$(dirname "$0")/.."

CLICKS=${CLICKS:-10000000}
CONVERSIONS=${CONVERSIONS:-1000000}
MEMBERS=${MEMBERS:-10000}
REQUESTS=${REQUESTS:-300}
WARMUP=${WARMUP:-50}
PORT=${PORT:-18590}
TARGET_MS=50
source bench/lib.sh
need curl curl
need jq jq
need psql postgresql-client
work=$bench_work
trap bench_cleanup EXIT
bench_jar
# The dashboard's per-link rate limit would answer 429 to a benchmark loop.
JAVA_OPTS="${JAVA_OPTS:-} -Dlinkledger.dashboard.requests-per-minute=100000000" bench_start "$PORT"
db=$bench_db

wait_job() {  # job id -> waits until it succeeded
  local status
  for _ in $(seq 1 1200); do
    status=$(api GET "/api/v1/jobs/$1" | jq -r .status)
    case $status in
      SUCCEEDED) return 0 ;;
      QUEUED|RUNNING) sleep 0.5 ;;
      *) echo "job $1 ended $status" >&2; api GET "/api/v1/jobs/$1" >&2; exit 1 ;;
    esac
  done
  echo "job $1 did not finish" >&2; exit 1
}

echo "== Offer and $MEMBERS members with tracking links through the API"
offer=$(api POST /api/v1/offers '{"name":"Bench offer","type":"LINK_AND_CODE","conversionType":"SALE","currency":"USD",
  "destinationUrl":"https://shareasale.com/r.cfm?b=1&u=3353969&m=5678&afftrack={transaction_id}",
  "payouts":[{"name":"Default","type":"CPS","percent":"10"}]}' | jq -r .id)
{ echo "name,email"; for i in $(seq 1 "$MEMBERS"); do echo "Bench Member $i,member$i@bench.example"; done; } >"$work/members.csv"
imported=$(curl -fsS -X POST "$BENCH_URL/api/v1/members/import" -H "Authorization: Bearer $BENCH_KEY" \
  -H 'Content-Type: text/csv' --data-binary @"$work/members.csv")
job=$(echo "$imported" | jq -r '.jobId // empty')
[ -n "$job" ] && wait_job "$job"
psql -d "$db" -Atc "select id from members" | jq -R . | jq -s '{memberIds: .}' >"$work/assign.json"
assigned=$(curl -fsS -X POST "$BENCH_URL/api/v1/offers/$offer/members" -H "Authorization: Bearer $BENCH_KEY" \
  -H 'Content-Type: application/json' --data-binary @"$work/assign.json")
job=$(echo "$assigned" | jq -r '.jobId // empty')
[ -n "$job" ] && wait_job "$job"
links=$(psql -d "$db" -Atc "select count(*) from offer_members where offer_id = '$offer'")
echo "   $links tracking links"

today=$(date -u +%F)
from=$(date -u -d "$today - 89 days" +%F)
echo "== Loading $CLICKS clicks and $CONVERSIONS conversions over $from .. $today (this takes minutes)"
load_start=$(date +%s)
psql -d "$db" -v ON_ERROR_STOP=1 -q <<SQL
set synchronous_commit = off;
create temporary table bench_links as
  select row_number() over (order by id) - 1 as n, id as assignment_id, brand_id, offer_id, member_id
  from offer_members where offer_id = '$offer';
create unique index on bench_links (n);
analyze bench_links;

-- Row g lands on link 0 (the busy member) one time in 100, else on link (g * 7919) mod links;
-- times run evenly through the 90 days; 1 in 50 a bot, 1 in 3 unique (from g + g / 100, so the busy
-- member's clicks are not all alike).
insert into clicks (transaction_id, clicked_at, brand_id, offer_id, member_id, project_id, assignment_id,
    visitor_key, user_agent, referrer, is_bot, is_unique)
select 'b' || g, timestamptz '$from 00:00:00+00' + (g * (7776000.0 / $CLICKS)) * interval '1 second',
    l.brand_id, l.offer_id, l.member_id, null, l.assignment_id, 'v' || (g / 3), 'bench', null,
    (g + g / 100) % 50 = 0, (g + g / 100) % 3 = 0
from generate_series(0::bigint, $CLICKS - 1) g
join bench_links l on l.n = case when g % 100 = 0 then 0 else (g * 7919) % $links end;

-- The rollups built from the day figures the same way as V40's and V65's backfills.
create temporary table bench_click_days as
select assignment_id, cast(clicked_at at time zone 'UTC' as date) as click_day, brand_id, offer_id, member_id,
    count(*) filter (where not is_bot) as clicks, count(*) filter (where is_unique and not is_bot) as unique_clicks,
    count(*) filter (where is_bot) as bot_clicks
from clicks group by 1, 2, 3, 4, 5;

insert into click_daily (assignment_id, click_day, brand_id, offer_id, member_id, clicks, unique_clicks,
    bot_clicks, run_clicks, run_unique_clicks, run_bot_clicks)
select assignment_id, click_day, brand_id, offer_id, member_id, clicks, unique_clicks, bot_clicks,
    sum(clicks) over (partition by assignment_id order by click_day rows between unbounded preceding and current row),
    sum(unique_clicks) over (partition by assignment_id order by click_day rows between unbounded preceding and current row),
    sum(bot_clicks) over (partition by assignment_id order by click_day rows between unbounded preceding and current row)
from bench_click_days;

insert into click_link_totals (assignment_id, brand_id, offer_id, member_id, clicks, unique_clicks, bot_clicks,
    first_day, last_day)
select assignment_id, brand_id, offer_id, member_id, sum(clicks), sum(unique_clicks), sum(bot_clicks),
    min(click_day), max(click_day)
from click_daily
group by assignment_id, brand_id, offer_id, member_id;

insert into click_offer_daily (offer_id, click_day, brand_id, clicks, unique_clicks, bot_clicks)
select offer_id, click_day, brand_id, sum(clicks), sum(unique_clicks), sum(bot_clicks)
from click_daily group by offer_id, click_day, brand_id;

-- One in ten reversed, three approved, one paid, one in a thousand a test purchase (the busy member too).
insert into conversions (id, brand_id, offer_id, member_id, assignment_id, project_id, integration_id,
    idempotency_key, kind, attributed_by, transaction_id, promo_code, order_id, order_key, status, currency,
    sale_minor, commission_minor, network_commission_minor, payout_type, is_test, converted_at, created_at,
    updated_at, status_reason, payment_id)
select gen_random_uuid(), l.brand_id, l.offer_id, l.member_id, l.assignment_id, null, null, 'bench:' || g, 'SALE',
    'LINK', null, null, 'ORD-' || g, 'ord-' || g,
    case when s % 10 = 0 then 'REVERSED' when s % 10 in (1, 2, 3) then 'APPROVED' when s % 10 = 4 then 'PAID'
         else 'PENDING' end,
    'USD', 1000 + (g * 37) % 20000, (1000 + (g * 37) % 20000) / 10, null, 'CPS', s % 1000 = 999, t, t, t, null, null
from generate_series(0::bigint, $CONVERSIONS - 1) g
cross join lateral (select timestamptz '$from 00:00:00+00' + (g * (7776000.0 / $CONVERSIONS)) * interval '1 second' as t,
    -- status and test flag from g + g / 100, so the busy member's rows (g % 100 = 0) are not all alike
    g + g / 100 as s) tt
join bench_links l on l.n = case when g % 100 = 0 then 0 else (g * 7919) % $links end;

-- The same aggregate as V13's backfill, then the rollups built from it as V41's and V65's backfills do.
create temporary table bench_conversion_days as
select assignment_id, cast(converted_at at time zone 'UTC' as date) as conversion_day, currency, brand_id, offer_id,
    member_id, count(*) as live, sum(case when kind <> 'CPC' then 1 else 0 end) as conversions,
    sum(sale_minor) as sales_minor, sum(commission_minor) as commission_minor,
    sum(case when status = 'PENDING' then commission_minor else 0 end) as pending_commission_minor,
    sum(case when status = 'APPROVED' then commission_minor else 0 end) as approved_commission_minor,
    sum(case when status = 'PAID' then commission_minor else 0 end) as paid_commission_minor
from conversions where status <> 'REVERSED' and is_test = false
group by assignment_id, cast(converted_at at time zone 'UTC' as date), currency, brand_id, offer_id, member_id;

insert into conversion_daily (assignment_id, conversion_day, currency, brand_id, offer_id, member_id, live,
    conversions, sales_minor, commission_minor, run_live, run_conversions, run_sales_minor, run_commission_minor)
select assignment_id, conversion_day, currency, brand_id, offer_id, member_id, live, conversions, sales_minor,
    commission_minor, sum(live) over w, sum(conversions) over w, sum(sales_minor) over w, sum(commission_minor) over w
from bench_conversion_days
window w as (partition by assignment_id, currency order by conversion_day rows between unbounded preceding and current row);

insert into conversion_link_totals (assignment_id, currency, brand_id, offer_id, member_id, live, conversions,
    sales_minor, commission_minor, pending_commission_minor, approved_commission_minor, paid_commission_minor,
    first_day, last_day)
select assignment_id, currency, brand_id, offer_id, member_id, sum(live), sum(conversions), sum(sales_minor),
    sum(commission_minor), sum(pending_commission_minor), sum(approved_commission_minor), sum(paid_commission_minor),
    min(conversion_day), max(conversion_day)
from bench_conversion_days
group by assignment_id, currency, brand_id, offer_id, member_id;

insert into conversion_offer_daily (offer_id, conversion_day, brand_id, live, conversions, sales_minor,
    commission_minor)
select offer_id, conversion_day, brand_id, sum(live), sum(conversions), sum(sales_minor), sum(commission_minor)
from bench_conversion_days group by offer_id, conversion_day, brand_id;
SQL
echo "== vacuum analyze"
psql -d "$db" -qc "vacuum analyze clicks" -c "vacuum analyze click_daily" -c "vacuum analyze click_offer_daily" \
  -c "vacuum analyze click_link_totals" -c "vacuum analyze conversions" -c "vacuum analyze conversion_daily" \
  -c "vacuum analyze conversion_offer_daily" -c "vacuum analyze conversion_link_totals" \
  -c "vacuum analyze offer_members" -c "vacuum analyze members"
load_s=$(( $(date +%s) - load_start ))
counts=$(psql -d "$db" -Atc "select (select count(*) from clicks) || ' clicks, ' || (select count(*) from click_daily)
  || ' click_daily rows, ' || (select count(*) from conversions) || ' conversions, '
  || (select count(*) from conversion_daily) || ' conversion_daily rows'")
echo "   $counts (loaded in ${load_s}s)"
busy_token=$(psql -d "$db" -Atc "select om.dashboard_token from offer_members om
  join (select assignment_id from conversions group by assignment_id order by count(*) desc limit 1) b
  on b.assignment_id = om.id")
busy=$(psql -d "$db" -Atc "select (select count(*) from clicks c join offer_members om on om.id = c.assignment_id
  where om.dashboard_token = '$busy_token') || ' clicks, ' || (select count(*) from conversions c
  join offer_members om on om.id = c.assignment_id where om.dashboard_token = '$busy_token') || ' conversions'")
echo "   busy member: $busy"

# Checks the rollups answer what the raw rows say, once, before timing anything.
report=$(api GET "/api/v1/reports/offers/$offer?from=$from&to=$today")
raw=$(psql -d "$db" -Atc "select (select count(*) from clicks where not is_bot) || ' '
  || (select count(*) from conversions where status <> 'REVERSED' and not is_test) || ' '
  || (select sum(commission_minor) from conversions where status <> 'REVERSED' and not is_test)")
answered="$(echo "$report" | jq -r .clicks) $(echo "$report" | jq -r .conversions) $(echo "$report" | jq -r '.commission | sub("\\."; "") | ltrimstr("0")')"
if [ "$raw" != "$answered" ]; then echo "FAIL: report says '$answered', raw rows say '$raw'" >&2; exit 1; fi
echo "   offer report matches the raw rows: clicks, conversions, commission = $answered"
from30=$(date -u -d "$today - 29 days" +%F)
for since in "$from" "$from30"; do
  top=$(api GET "/api/v1/reports/offers/$offer/members?from=$since&to=$today&sort=COMMISSION&limit=1" \
    | jq -r '.items[0] | "\(.memberId) \(.clicks) \(.conversions) \(.commission | sub("\\."; "") | ltrimstr("0"))"')
  member=${top%% *}
  raw_top=$(psql -d "$db" -Atc "select '$member' || ' ' || (select count(*) from clicks where member_id = '$member'
    and not is_bot and clicked_at >= '$since 00:00:00+00') || ' ' || count(*) || ' ' || sum(commission_minor) from conversions
    where member_id = '$member' and status <> 'REVERSED' and not is_test and converted_at >= '$since 00:00:00+00'")
  if [ "$top" != "$raw_top" ]; then echo "FAIL: member table from $since says '$top', raw rows say '$raw_top'" >&2; exit 1; fi
  echo "   member table from $since matches the raw rows for its top member: $top"
done

measure() {  # name path [auth] -> "p50 p95 p99 max" in ms over REQUESTS requests on one connection
  local name=$1 path=$2 auth=${3:-}
  { for _ in $(seq 1 "$((WARMUP + REQUESTS))"); do echo "url = \"$BENCH_URL$path\""; echo "output = /dev/null"; done; } \
    >"$work/$name.curl"
  curl -sS --fail-early ${auth:+-H "Authorization: Bearer $BENCH_KEY"} -w '%{http_code} %{time_total}\n' \
    -K "$work/$name.curl" >"$work/$name.times"
  if grep -qv '^200 ' "$work/$name.times"; then echo "FAIL: $name answered $(grep -v '^200 ' "$work/$name.times" | head -1)" >&2; exit 1; fi
  tail -n "$REQUESTS" "$work/$name.times" | awk '{ print $2 * 1000 }' | sort -n | awk '
    { v[NR] = $1 } END { printf "%.1f %.1f %.1f %.1f\n", v[int(NR * 0.50 + 0.5)], v[int(NR * 0.95 + 0.5)],
      v[int(NR * 0.99 + 0.5)], v[NR] }'
}

echo "== Timing $REQUESTS requests each after $WARMUP warm-up requests, one at a time"
read -r o50 o95 o99 omax < <(measure offer "/api/v1/reports/offers/$offer?from=$from&to=$today" auth)
read -r m50 m95 m99 mmax < <(measure members "/api/v1/reports/offers/$offer/members?from=$from&to=$today&sort=COMMISSION&limit=50" auth)
read -r d50 d95 d99 dmax < <(measure dashboard "/d/$busy_token.json?range=90")
read -r s50 s95 s99 smax < <(measure summary "/api/v1/reports/offers/$offer?from=$from&to=$today&members=false" auth)
read -r t50 t95 t99 tmax < <(measure members30 "/api/v1/reports/offers/$offer/members?from=$from30&to=$today&sort=COMMISSION&limit=50" auth)

verdict() { awk -v p="$1" -v t="$TARGET_MS" 'BEGIN { print (p <= t ? "meets" : "MISSES") }'; }
echo
echo "Report benchmark on PostgreSQL: $counts; $links members; busy member $busy; $(nproc) cores"
echo "  p50 / p95 / p99 / max in ms over $REQUESTS sequential requests (target p95 <= $TARGET_MS ms)"
echo "  1. offer report, 90 days:          $o50 / $o95 / $o99 / $omax  -> $(verdict "$o95") the target"
echo "  2. member table, COMMISSION, 50:   $m50 / $m95 / $m99 / $mmax  -> $(verdict "$m95") the target"
echo "  3. busy member's dashboard JSON:   $d50 / $d95 / $d99 / $dmax  -> $(verdict "$d95") the target"
echo "     offer report, members=false:    $s50 / $s95 / $s99 / $smax  (no target of its own)"
echo "     member table, last 30 days:     $t50 / $t95 / $t99 / $tmax  (no target of its own)"
echo "  load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (other work on this machine slows every figure)"
