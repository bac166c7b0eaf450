#!/usr/bin/env bash
# Payments against ONE brand balance (the worst case: every payment queues on the same row lock).
# Builds the jar, starts it on a fresh PostgreSQL database, seeds a member owed 1,000,000.00 with
# one balanced accrual entry, funds the balance, then runs wrk: each request pays 0.01 with a new
# Idempotency-Key. Afterwards it checks the books: paid count matches the cash that left, and
# every entry balances.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18086}; DURATION=${DURATION:-20s}; CONNECTIONS=${CONNECTIONS:-16}
source bench/lib.sh
need wrk wrk
need bc bc
trap bench_cleanup EXIT
bench_jar
bench_start "$PORT"
KEY=$BENCH_KEY
DB=$bench_db
PSQL="psql -qtA"

API="http://127.0.0.1:$PORT/api/v1"
MEMBER=$(curl -sf -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
  -d '{"name":"Bench Member","email":"bench@example.test"}' "$API/members" | sed -E 's/.*"id":"([^"]+)".*/\1/')
BRAND=$($PSQL -d $DB -c "select brand_id from members where id = '$MEMBER'")

# What an approved conversion books, as one balanced entry: expense debit, member payable credit.
$PSQL -d $DB <<SQL
insert into ledger_accounts (id, brand_id, currency, kind, member_id, owner_key, created_at) values
  ('00000000-0000-7000-8000-000000000001', '$BRAND', 'USD', 'COMMISSION_EXPENSE', null, '-', now()),
  ('00000000-0000-7000-8000-000000000002', '$BRAND', 'USD', 'MEMBER_PAYABLE', '$MEMBER', '$MEMBER', now());
insert into ledger_entries (id, brand_id, currency, type, description, created_at) values
  ('00000000-0000-7000-8000-000000000003', '$BRAND', 'USD', 'ACCRUAL', 'bench seed', now());
insert into ledger_lines (entry_id, account_id, amount_minor) values
  ('00000000-0000-7000-8000-000000000003', '00000000-0000-7000-8000-000000000001', 100000000),
  ('00000000-0000-7000-8000-000000000003', '00000000-0000-7000-8000-000000000002', -100000000);
SQL
curl -sf -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
  -d '{"amount":"1000000.00","currency":"USD"}' "$API/balance/fundings" >/dev/null

echo "== wrk: $CONNECTIONS connections, $DURATION, one brand balance"
LL_KEY=$KEY LL_MEMBER=$MEMBER LL_RUN=$$ wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency \
  -s bench/ledger-payments.lua "http://127.0.0.1:$PORT"

# wrk stops reading at its deadline; payments it already sent still complete. Count once settled.
PAID=-1
while :; do
  sleep 1
  now=$($PSQL -d $DB -c "select count(*) from payments where status = 'COMPLETED'")
  [ "$now" = "$PAID" ] && break
  PAID=$now
done
echo "== payments completed: $PAID"
echo "== balance: $(curl -sf -H "Authorization: Bearer $KEY" "$API/balance")"
echo "== expected available: $(echo "scale=2; (100000000 - $PAID) / 100" | bc)"
echo "== books: $(curl -sf -H "Authorization: Bearer $KEY" "$API/ledger/check")"
