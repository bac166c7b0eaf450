#!/usr/bin/env bash
# Offer page CSV export (issue 8): one offer with ROWS members that all have clicks (rows put
# straight into members, offer_members and the click rollups), then the console's
# GET /offers/{id}/members.csv downloaded by a signed-in admin with curl. Prints the rows
# received, the download time, the time to the first byte and the server's RSS before and after.
#
#   bash bench/offer-csv.sh                 # 100,000 members
#   ROWS=20000 bash bench/offer-csv.sh
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth, or PGPASSWORD); packages the
# current code first (BENCH_SKIP_BUILD=1 reuses target/'s jar).
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${ROWS:-100000}
PORT=${PORT:-18490}
ADMIN_EMAIL=bench.admin@example.com
ADMIN_PASSWORD="bench admin password $RANDOM$RANDOM"
source bench/lib.sh
need curl curl
need jq jq
trap bench_cleanup EXIT
bench_jar
bench_start "$PORT" LINKLEDGER_BOOTSTRAP_ADMIN_EMAIL="$ADMIN_EMAIL" LINKLEDGER_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD"

offer=$(api POST /api/v1/offers '{"name":"CSV bench","type":"LINK","conversionType":"SALE",
  "currency":"USD","destinationUrl":"https://shareasale.com/r.cfm?b=1&u=2&m=3&afftrack={transaction_id}",
  "payouts":[{"type":"CPS","percent":"10"}]}' | jq -r .id)
echo "== $ROWS members with clicks on offer $offer"
psql -d "$bench_db" -q -v ON_ERROR_STOP=1 -v offer="$offer" -v rows="$ROWS" <<'SQL'
create temporary table bench_ids as
  select n, gen_random_uuid() as member_id, gen_random_uuid() as assignment_id
  from generate_series(1, :rows) n;
insert into members (id, brand_id, name, email, email_key, created_at, updated_at)
  select b.member_id, o.brand_id, 'Member ' || lpad(b.n::text, 6, '0'), 'm' || b.n || '@bench.example',
         'm' || b.n || '@bench.example', now(), now()
  from bench_ids b, offers o where o.id = :'offer';
insert into offer_members (id, brand_id, offer_id, member_id, link_code, dashboard_token, created_at, updated_at)
  select b.assignment_id, o.brand_id, o.id, b.member_id, 'b' || lpad(to_hex(b.n), 10, '0'),
         'bench-token-' || b.n, now(), now()
  from bench_ids b, offers o where o.id = :'offer';
-- One day of clicks per member: its day row (running totals = that day), its totals (V65) and
-- the offer's day.
insert into click_daily (assignment_id, click_day, brand_id, offer_id, member_id, clicks, unique_clicks, bot_clicks,
    run_clicks, run_unique_clicks, run_bot_clicks)
  select b.assignment_id, current_date, o.brand_id, o.id, b.member_id, 1 + b.n % 7, 1 + b.n % 5, 0,
         1 + b.n % 7, 1 + b.n % 5, 0
  from bench_ids b, offers o where o.id = :'offer';
insert into click_link_totals (assignment_id, brand_id, offer_id, member_id, clicks, unique_clicks, bot_clicks,
    first_day, last_day)
  select assignment_id, brand_id, offer_id, member_id, clicks, unique_clicks, bot_clicks, click_day, click_day
  from click_daily where offer_id = :'offer';
insert into click_offer_daily (offer_id, click_day, brand_id, clicks, unique_clicks, bot_clicks)
  select offer_id, click_day, brand_id, sum(clicks), sum(unique_clicks), sum(bot_clicks)
  from click_daily where offer_id = :'offer'
  group by offer_id, click_day, brand_id;
analyze;
SQL

jar_cookies="$bench_work/cookies"
csrf=$(curl -fsS -c "$jar_cookies" "$BENCH_URL/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -fsS -b "$jar_cookies" -c "$jar_cookies" -o /dev/null --data-urlencode "username=$ADMIN_EMAIL" \
  --data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "_csrf=$csrf" "$BENCH_URL/login"
rss_before=$(ps -o rss= -p "$server_pid")
echo "== Downloading the CSV"
timing=$(curl -fsS -b "$jar_cookies" -o "$bench_work/members.csv" -D "$bench_work/headers" \
  -w '%{time_starttransfer} %{time_total} %{size_download}' "$BENCH_URL/offers/$offer/members.csv")
rss_after=$(ps -o rss= -p "$server_pid")
lines=$(($(wc -l <"$bench_work/members.csv") - 1))
read -r first total bytes <<<"$timing"
grep -i '^content-type\|^content-disposition\|^transfer-encoding' "$bench_work/headers" | tr -d '\r'
echo "rows=$lines expected=$ROWS bytes=$bytes first_byte_s=$first total_s=$total"
echo "server_rss_kb before=$rss_before after=$rss_after"
[ "$lines" -eq "$ROWS" ] || { echo "row count differs"; exit 1; }
