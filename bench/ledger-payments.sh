#!/usr/bin/env bash
# Payments against ONE brand balance (the worst case: every payment queues on the same row lock).
# Builds the jar, starts it on a fresh PostgreSQL database, seeds a member owed 1,000,000.00 with
# one balanced accrual entry, funds the balance, then runs wrk: each request pays 0.01 with a new
# Idempotency-Key. Afterwards it checks the books: paid count matches the cash that left, and
# every entry balances.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || apt-get install -y wrk
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
PORT=${PORT:-18086}; DURATION=${DURATION:-20s}; CONNECTIONS=${CONNECTIONS:-16}
KEY=llk_bench_ledger_0123456789abcdefghij
DB="ll_bench_ledger_$$"
PSQL="psql -h 127.0.0.1 -U postgres -qtA"

./mvnw -B -q -DskipTests package
$PSQL -d postgres -c "create database $DB"
cleanup() { if [ -n "${APP:-}" ]; then kill "$APP" 2>/dev/null || true; wait 2>/dev/null || true; fi
  $PSQL -d postgres -c "drop database if exists $DB with (force)" >/dev/null 2>&1 || true; }
trap cleanup EXIT

SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB SPRING_DATASOURCE_USERNAME=postgres \
  LINKLEDGER_BOOTSTRAP_API_KEY=$KEY SERVER_PORT=$PORT LOGGING_LEVEL_ROOT=WARN \
  "$JAVA_HOME/bin/java" -jar target/linkledger-*.jar >/tmp/ledger-bench-app.log 2>&1 &
APP=$!
for _ in $(seq 1 120); do kill -0 "$APP" || { tail -20 /tmp/ledger-bench-app.log; exit 1; }; curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break; sleep 1; done

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

PAID=$($PSQL -d $DB -c "select count(*) from payments where status = 'COMPLETED'")
echo "== payments completed: $PAID"
echo "== balance: $(curl -sf -H "Authorization: Bearer $KEY" "$API/balance")"
echo "== expected available: $(echo "scale=2; (100000000 - $PAID) / 100" | bc)"
echo "== books: $(curl -sf -H "Authorization: Bearer $KEY" "$API/ledger/check")"
