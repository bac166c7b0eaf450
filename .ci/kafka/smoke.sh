#!/usr/bin/env bash
# Smoke test of the local 3-broker cluster (.ci/kafka/cluster.sh): proves it works and keeps what
# it acknowledged when a broker dies. Deletes the cluster's data first (cluster.sh clean) and stops
# the cluster at the end, also on failure (SMOKE_KEEP=1 leaves it running).
#
#   1. start the cluster from empty storage (timed)
#   2. create topic `smoke`: 3 partitions, replication factor 3, min.insync.replicas=2
#   3. produce SMOKE_MESSAGES records, acks=all, idempotent producer
#   4. produce SMOKE_MESSAGES more and kill -9 a broker in the middle of it (default: the active
#      controller, which also leads some partitions)
#   5. produce SMOKE_MESSAGES more while that broker is down
#   6. restart it and wait until no partition is under-replicated (timed)
#   7. consume the topic with a consumer group: the count must equal the acknowledged records,
#      the partitions' end offsets too, and the group's lag must be 0
#
# Environment: SMOKE_MESSAGES (default 20000), SMOKE_KILL (1..3 or `leader`, the default), and the
# cluster's own (KAFKA_DIR, KAFKA_BASE_PORT, ... see cluster.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."

cluster=.ci/kafka/cluster.sh
messages=${SMOKE_MESSAGES:-20000}
victim=${SMOKE_KILL:-leader}
topic=smoke
bootstrap=$($cluster bootstrap)
props=(bootstrap.servers="$bootstrap" acks=all enable.idempotence=true linger.ms=5)

say() { echo "== $*"; }
fail() { echo "SMOKE FAILED: $*" >&2; exit 1; }
log_dir=${KAFKA_DIR:-target/kafka}
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
tool() { $cluster tool "$@"; }

finish() {
  local rc=$?
  if [ "${SMOKE_KEEP:-0}" = 1 ]; then
    echo "== SMOKE_KEEP=1: the cluster keeps running; stop it with $cluster stop"
  else
    $cluster stop || rc=1
  fi
  exit $rc
}

# Produces $1 records and prints how many the brokers acknowledged (ProducerPerformance counts a
# record only when its send completed without an error).
produce() {
  local count=$1 throughput=$2 out
  out=$(tool org.apache.kafka.tools.ProducerPerformance --topic "$topic" --num-records "$count" \
          --record-size 100 --throughput "$throughput" --producer-props "${props[@]}") \
    || fail "the producer failed: $out"
  local summary count
  summary=$(tail -1 <<< "$out")
  echo "$summary" >&2
  count=$(sed -nE 's/^([0-9]+) records sent.*/\1/p' <<< "$summary")
  [ -n "$count" ] || fail "no summary line from the producer: $out"
  echo "$count"
}

brokers_rss() {
  local n pid
  for n in 1 2 3; do
    pid=$(cat "$log_dir/broker-$n/broker.pid" 2>/dev/null) || continue
    printf 'broker %s: %s MB RSS\n' "$n" "$(( $(ps -o rss= -p "$pid") / 1024 ))"
  done
}

say "cleaning any earlier cluster"
$cluster clean
trap finish EXIT

say "starting the cluster"
t=$(now)
$cluster start
start_secs=$(since "$t")

say "creating topic $topic"
tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$bootstrap" --create --topic "$topic" \
  --partitions 3 --replication-factor 3 --config min.insync.replicas=2
description=$(tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$bootstrap" --describe --topic "$topic")
echo "$description"
grep -q 'PartitionCount: 3' <<< "$description" && grep -q 'ReplicationFactor: 3' <<< "$description" \
  && grep -q 'min.insync.replicas=2' <<< "$description" || fail "the topic is not as created"

say "producing $messages records with acks=all, idempotent"
acked1=$(produce "$messages" -1)

if [ "$victim" = leader ]; then
  victim=$(tool org.apache.kafka.tools.MetadataQuorumCommand --bootstrap-server "$bootstrap" describe --status \
             | sed -nE 's/^LeaderId:[[:space:]]+([0-9]+).*/\1/p')
  [ -n "$victim" ] || fail "could not find the active controller"
  say "broker $victim is the active controller"
fi

say "producing $messages more records, killing broker $victim (kill -9) after 2 s"
produce "$messages" $((messages / 6)) > "$log_dir/smoke-produce2.out" &
producer=$!
sleep 2
$cluster kill "$victim"
t_killed=$(now)
wait "$producer" || fail "the producer that ran through the kill failed"
acked2=$(cat "$log_dir/smoke-produce2.out")

say "producing $messages more records while broker $victim is down"
acked3=$(produce "$messages" -1)
urp=$(tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$bootstrap" --describe --under-replicated-partitions --topic "$topic")
echo "$urp"
[ -n "$urp" ] || fail "no partition is under-replicated though broker $victim is down"
$cluster status || true

say "restarting broker $victim (down $(since "$t_killed") s)"
t=$(now)
$cluster restart "$victim"
restart_secs=$(since "$t")
$cluster status

acked=$((acked1 + acked2 + acked3))
say "consuming $topic with consumer group smoke-check"
# The console consumer stops after the acknowledged count, or after 60 s without a record (then
# logging that timeout as an error). Records beyond that count would show in the end offsets and lag.
consumed=$(tool org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server "$bootstrap" --topic "$topic" \
             --group smoke-check --from-beginning --max-messages "$acked" --timeout-ms 60000 \
             2> "$log_dir/smoke-consume.err" | wc -l)
grep -h 'Processed a total' "$log_dir/smoke-consume.err" || true
offsets=$(tool org.apache.kafka.tools.GetOffsetShell --bootstrap-server "$bootstrap" --topic "$topic" --time -1)
end_offsets=$(awk -F: '{ s += $3 } END { print s + 0 }' <<< "$offsets")
group=$(tool org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server "$bootstrap" --describe --group smoke-check)
echo "$group"
lag=$(awk '$2 == "'"$topic"'" && $6 ~ /^[0-9]+$/ { s += $6 } END { print s + 0 }' <<< "$group")
lag_rows=$(awk '$2 == "'"$topic"'" && $6 ~ /^[0-9]+$/' <<< "$group" | wc -l)

echo
say "acknowledged $acked ($acked1 + $acked2 + $acked3 of $((3 * messages)) sent), consumed $consumed, end offsets sum $end_offsets, group lag $lag"
say "cluster start ${start_secs}s, broker $victim restart (until no under-replicated partition) ${restart_secs}s"
brokers_rss
[ "$acked" -eq $((3 * messages)) ] || fail "only $acked of $((3 * messages)) records were acknowledged"
[ "$consumed" -eq "$acked" ] || { cat "$log_dir/smoke-consume.err" >&2; fail "consumed $consumed records, acknowledged $acked"; }
[ "$end_offsets" -eq "$acked" ] || fail "the partitions hold $end_offsets records, acknowledged $acked"
[ "$lag_rows" -eq 3 ] && [ "$lag" -eq 0 ] || fail "the consumer group did not commit all 3 partitions to the end (lag $lag)"
say "SMOKE PASSED"
