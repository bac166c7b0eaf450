#!/usr/bin/env bash
# A real 3-broker Apache Kafka 4.1.1 cluster in KRaft mode, as three local java processes (no
# Docker), for Linkledger's Kafka tests and benchmarks. Each node is a combined broker+controller.
#
#   .ci/kafka/cluster.sh start        resolve the jars (once), format the storage (once), start the
#                                     three brokers and wait until the cluster has 3 brokers
#   .ci/kafka/cluster.sh stop         SIGTERM all brokers, SIGKILL whatever is left after a timeout
#   .ci/kafka/cluster.sh status       which brokers run (exit 0 only when all three do)
#   .ci/kafka/cluster.sh kill <n>     kill -9 broker n (1..3)
#   .ci/kafka/cluster.sh restart <n>  (re)start broker n, wait until it rejoined: no under-replicated
#                                     partitions left
#   .ci/kafka/cluster.sh bootstrap    print the bootstrap servers, 127.0.0.1:19092,...
#   .ci/kafka/cluster.sh clean        stop, then delete the brokers' data (keeps the jars)
#   .ci/kafka/cluster.sh tool <main class> [args]   run a Kafka tool on the cluster's classpath
#
# Sourced (`source .ci/kafka/cluster.sh`), it only defines the same commands as functions:
# kafka_start, kafka_stop, kafka_status, kafka_kill N, kafka_restart N, kafka_bootstrap,
# kafka_clean, kafka_tool. They return non-zero on failure and never exit the calling shell.
#
# Environment (read at each call, so two clusters can run side by side):
#   KAFKA_DIR                  data, configs, logs and pid files   (default <repo>/target/kafka)
#   KAFKA_BASE_PORT            PLAINTEXT ports base, base+1, base+2 (default 19092)
#   KAFKA_CONTROLLER_BASE_PORT controller ports                     (default KAFKA_BASE_PORT+100)
#   KAFKA_LIB                  the resolved jars                    (default <repo>/target/kafka/lib)
#   KAFKA_HEAP_OPTS            broker heap                          (default -Xms128m -Xmx512m)
#   KAFKA_JVM_OPTS             more broker JVM options
#   KAFKA_BROKER_PROPS         more server.properties lines, e.g. $'broker.session.timeout.ms=3000'
#   KAFKA_START_TIMEOUT        seconds to wait for the cluster      (default 120)
#   KAFKA_RESTART_TIMEOUT      seconds to wait for a rejoin         (default 180)
#   KAFKA_STOP_TIMEOUT         seconds between SIGTERM and SIGKILL  (default 30)
#   KAFKA_KEEP_ON_FAILURE=1    leave the brokers running when start fails (to inspect them)
#   KAFKA_TOOLS_LOG_LEVEL      log level of the tools               (default ERROR)
#   KAFKA_LOG_TAIL             broker log lines shown on failure    (default 40)
#   KAFKA_CDS=0                no class data sharing archives (see _kafka_cds)

_KAFKA_HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
_KAFKA_REPO=$(cd "$_KAFKA_HERE/../.." && pwd)
_KAFKA_VERSION=4.1.1
_KAFKA_NODES="1 2 3"

_kafka_err() { echo "kafka: $*" >&2; }
_kafka_say() { echo "kafka: $*"; }

# Settings from the environment, read again at each call.
_kafka_settings() {
  _kdir=${KAFKA_DIR:-$_KAFKA_REPO/target/kafka}
  mkdir -p "$_kdir" || return 1
  _kdir=$(cd "$_kdir" && pwd) || return 1
  _klib=${KAFKA_LIB:-$_KAFKA_REPO/target/kafka/lib}
  _kbase=${KAFKA_BASE_PORT:-19092}
  _kcbase=${KAFKA_CONTROLLER_BASE_PORT:-$((_kbase + 100))}
  if ! [[ $_kbase =~ ^[0-9]+$ && $_kcbase =~ ^[0-9]+$ ]]; then
    _kafka_err "KAFKA_BASE_PORT and KAFKA_CONTROLLER_BASE_PORT must be numbers"; return 1
  fi
  if (( _kcbase < _kbase + 3 && _kbase < _kcbase + 3 )); then
    _kafka_err "broker ports $_kbase.. and controller ports $_kcbase.. overlap"; return 1
  fi
}

_kafka_port() { echo $((_kbase + $1 - 1)); }
_kafka_cport() { echo $((_kcbase + $1 - 1)); }
_kafka_node_dir() { echo "$_kdir/broker-$1"; }
_kafka_conf() { echo "$_kdir/broker-$1/server.properties"; }
_kafka_log() { echo "$_kdir/broker-$1/broker.log"; }
_kafka_pidfile() { echo "$_kdir/broker-$1/broker.pid"; }

_kafka_check_node() {
  case "${1:-}" in 1|2|3) return 0 ;; esac
  _kafka_err "broker number must be 1, 2 or 3 (got '${1:-}')"; return 1
}

# The JDK (>= 21, see .ci/jdk.sh) and the JVM options that depend on its version.
_kafka_java() {
  if [ -n "${_kjava:-}" ] && [ "${_kjava_home:-}" = "${JAVA_HOME:-}" ]; then return 0; fi
  # shellcheck source=../jdk.sh
  source "$_KAFKA_REPO/.ci/jdk.sh" && select_jdk || return 1
  _kjava=$JAVA_HOME/bin/java; _kjava_home=$JAVA_HOME
  local major
  major=$(sed -nE 's/^JAVA_VERSION="([0-9]+).*/\1/p' "$JAVA_HOME/release" 2>/dev/null)
  [ -n "$major" ] || major=$(java_major "$JAVA_HOME")
  _kjvm=()
  # JDK 24+ warns about JNI (compression codecs) and sun.misc.Unsafe, which Kafka 4.1 uses.
  if (( major >= 24 )); then _kjvm+=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow); fi
}

# JVM options for a class data sharing archive named $1: the JVM writes it when it exits the first
# time (or after a JDK or jar change) and later starts load their classes from it, which takes
# about 40% off a broker's start-up CPU time. Two JVMs must not write one archive together, so each
# process that may run beside another has its own, named by its port (ports are unique among the
# running clusters). They lie beside the jars, in target/kafka/cds. KAFKA_CDS=0: no archives.
_kafka_cds() {
  _kcds=()
  [ "${KAFKA_CDS:-1}" = 1 ] || return 0
  local dir
  dir="$(dirname "$_klib")/cds"
  mkdir -p "$dir" 2>/dev/null || return 0
  _kcds=(-XX:+AutoCreateSharedArchive "-XX:SharedArchiveFile=$dir/$1.jsa" '-Xlog:cds*=off')
}

# The jars, resolved once with the repository's Maven wrapper into KAFKA_LIB; again only when
# .ci/kafka/pom.xml changes (its checksum is in KAFKA_LIB/.complete).
_kafka_jars() {
  local sum
  sum=$(cksum < "$_KAFKA_HERE/pom.xml")
  if [ -f "$_klib/.complete" ] && [ "$(cat "$_klib/.complete")" = "$sum" ]; then return 0; fi
  if [ -f "$_klib/.complete" ] && _kafka_lib_in_use; then
    _kafka_say "the pom changed, but brokers run from $_klib: keeping these jars until they stop"; return 0
  fi
  _kafka_java || return 1
  _kafka_say "resolving the Kafka $_KAFKA_VERSION jars into $_klib"
  local tmp="$_klib.tmp.$$" old
  for old in "$_klib".tmp.*; do  # left by a resolution that was killed
    [ -d "$old" ] && ! kill -0 "${old##*.}" 2>/dev/null && rm -rf "$old"
  done
  rm -rf "$tmp"
  if ! (cd "$_KAFKA_REPO" && ./mvnw -q -B -ntp -f .ci/kafka/pom.xml dependency:copy-dependencies \
          -DoutputDirectory="$tmp" -DincludeScope=runtime); then
    rm -rf "$tmp"; _kafka_err "could not resolve the Kafka jars (see the Maven output above)"; return 1
  fi
  echo "$sum" > "$tmp/.complete"
  mkdir -p "$(dirname "$_klib")"
  if [ -f "$_klib/.complete" ] && [ "$(cat "$_klib/.complete")" = "$sum" ]; then
    rm -rf "$tmp"  # another run resolved them meanwhile
  else
    rm -rf "$_klib" && mv "$tmp" "$_klib" || { rm -rf "$tmp"; return 1; }
  fi
  [ -f "$_klib/.complete" ]
}

# Does a broker (of any cluster) run from the jars in KAFKA_LIB?
_kafka_lib_in_use() {
  local pid
  for pid in $(pgrep -f 'kafka\.Kafka' 2>/dev/null); do
    grep -qxF -- "$_klib/*" < <(tr '\0' '\n' 2>/dev/null < "/proc/$pid/cmdline") && return 0
  done
  return 1
}

# Runs a Kafka main class on the cluster's classpath (the tools log only errors, to stderr).
kafka_tool() {
  _kafka_settings && _kafka_jars && _kafka_java || return 1
  "$_kjava" -Xmx256m -XX:+UseSerialGC "${_kjvm[@]}" \
    -Dlog4j2.configurationFile="$_KAFKA_HERE/log4j2-tools.xml" \
    -Dkafka.tools.log.level="${KAFKA_TOOLS_LOG_LEVEL:-ERROR}" \
    -cp "$_klib/*" "$@"
}

# Short-lived probes: the client compiler only, and no JVM log on their output, which is parsed.
# One at a time per cluster (under the lock); probes that run side by side name their own class
# data archive with --archive NAME.
_kafka_probe() {
  local archive="probe-$_kbase"
  if [ "$1" = --archive ]; then archive=$2; shift 2; fi
  _kafka_cds "$archive"
  "$_kjava" -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 "${_kjvm[@]}" "${_kcds[@]}" -Xlog:disable \
    -Dlog4j2.configurationFile="$_KAFKA_HERE/log4j2-tools.xml" -Dkafka.tools.log.level=OFF \
    -cp "$_klib/*" "$@"
}

kafka_bootstrap() {
  _kafka_settings || return 1
  local n out=""
  for n in $_KAFKA_NODES; do out+="${out:+,}127.0.0.1:$(_kafka_port "$n")"; done
  echo "$out"
}

_kafka_voters() {
  local n out=""
  for n in $_KAFKA_NODES; do out+="${out:+,}$n@127.0.0.1:$(_kafka_cport "$n")"; done
  echo "$out"
}

_kafka_write_config() {
  local n=$1 dir
  dir=$(_kafka_node_dir "$n")
  mkdir -p "$dir/data" || return 1
  cat > "$(_kafka_conf "$n").tmp" <<EOF
# Written by .ci/kafka/cluster.sh at each start; edits are lost.
process.roles=broker,controller
node.id=$n
controller.quorum.voters=$(_kafka_voters)
listeners=PLAINTEXT://127.0.0.1:$(_kafka_port "$n"),CONTROLLER://127.0.0.1:$(_kafka_cport "$n")
advertised.listeners=PLAINTEXT://127.0.0.1:$(_kafka_port "$n")
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
log.dirs=$dir/data

# Durability as in production: every partition on all three brokers, two of them in sync to accept
# a write with acks=all, so one broker may be down.
default.replication.factor=3
min.insync.replicas=2
offsets.topic.replication.factor=3
transaction.state.log.replication.factor=3
transaction.state.log.min.isr=2
share.coordinator.state.topic.replication.factor=3
share.coordinator.state.topic.min.isr=2
unclean.leader.election.enable=false
auto.create.topics.enable=false

# Sized for a small machine (2 cores, other processes beside it).
num.partitions=3
offsets.topic.num.partitions=12
transaction.state.log.num.partitions=12
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
background.threads=4
log.cleaner.threads=1
group.initial.rebalance.delay.ms=0
${KAFKA_BROKER_PROPS:+
# From KAFKA_BROKER_PROPS (later lines win)
$KAFKA_BROKER_PROPS}
EOF
  mv "$(_kafka_conf "$n").tmp" "$(_kafka_conf "$n")"
}

# Is $1 a live broker process started with config $2?
_kafka_is_broker() {
  local pid=$1 conf=$2 args
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  args=$(tr '\0' '\n' 2>/dev/null < "/proc/$pid/cmdline") || return 1
  grep -qxF 'kafka.Kafka' <<< "$args" && grep -qxF -- "$conf" <<< "$args"
}

# Prints the pid of broker n when it runs. A pid file of a dead process (or of a reused pid) is
# removed; a broker of this KAFKA_DIR that lost its pid file is found by its command line.
_kafka_pid() {
  local n=$1 conf pidfile pid
  conf=$(_kafka_conf "$n"); pidfile=$(_kafka_pidfile "$n")
  if [ -f "$pidfile" ]; then
    pid=$(cat "$pidfile" 2>/dev/null)
    if _kafka_is_broker "$pid" "$conf"; then echo "$pid"; return 0; fi
    rm -f "$pidfile"
  fi
  for pid in $(pgrep -f 'kafka\.Kafka' 2>/dev/null); do
    if _kafka_is_broker "$pid" "$conf"; then echo "$pid" > "$pidfile"; echo "$pid"; return 0; fi
  done
  return 1
}

_kafka_listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Fails when another process listens on one of broker n's ports.
_kafka_ports_free() {
  local n=$1 port
  for port in "$(_kafka_port "$n")" "$(_kafka_cport "$n")"; do
    if _kafka_listening "$port"; then
      _kafka_err "port $port (broker $n) is already in use:"
      ss -Htlnp "sport = :$port" 2>/dev/null | sed 's/^/  /' >&2
      _kafka_err "stop that process, or choose other ports with KAFKA_BASE_PORT / KAFKA_CONTROLLER_BASE_PORT"
      return 1
    fi
  done
}

_kafka_new_uuid() {
  # A Kafka Uuid: 16 random bytes, URL-safe base64 without padding (as kafka-storage random-uuid).
  local id
  while :; do
    id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
    [[ $id == -* || $id == AAAAAAAAAAAAAAAAAAAAA* ]] || { echo "$id"; return; }
  done
}

# Formats the three storage directories with one cluster id, unless they already are.
_kafka_format() {
  local n cid meta ok=1 pids=() rc=0
  if [ -f "$_kdir/cluster.id" ]; then
    cid=$(cat "$_kdir/cluster.id")
    for n in $_KAFKA_NODES; do
      meta="$(_kafka_node_dir "$n")/data/meta.properties"
      grep -qxF "cluster.id=$cid" "$meta" 2>/dev/null || ok=0
    done
    if (( ok )); then return 0; fi
    _kafka_say "the storage in $_kdir does not all belong to cluster $cid (an interrupted format?): deleting it, formatting anew"
  fi
  for n in $_KAFKA_NODES; do
    if _kafka_pid "$n" >/dev/null; then
      _kafka_err "broker $n runs on storage that is not formatted for this cluster: stop it first"; return 1
    fi
  done
  rm -f "$_kdir/cluster.id"
  local t0=$SECONDS
  cid=$(_kafka_new_uuid)
  _kafka_say "formatting the storage, cluster id $cid"
  for n in $_KAFKA_NODES; do
    rm -rf "$(_kafka_node_dir "$n")/data"; mkdir -p "$(_kafka_node_dir "$n")/data"
    _kafka_probe --archive "format-$(_kafka_port "$n")" kafka.tools.StorageTool format -t "$cid" -c "$(_kafka_conf "$n")" \
      > "$(_kafka_node_dir "$n")/format.log" 2>&1 &
    pids+=($!)
  done
  for n in $_KAFKA_NODES; do
    if ! wait "${pids[$((n - 1))]}"; then
      _kafka_err "formatting the storage of broker $n failed:"; sed 's/^/  /' "$(_kafka_node_dir "$n")/format.log" >&2
      rc=1
    fi
  done
  (( rc == 0 )) || return 1
  echo "$cid" > "$_kdir/cluster.id"
  _kafka_say "storage formatted in $((SECONDS - t0))s"
}

# Starts broker n in the background (its own session, so it outlives the caller's terminal).
_kafka_launch() {
  local n=$1 pidfile log
  pidfile=$(_kafka_pidfile "$n"); log=$(_kafka_log "$n")
  rm -f "$pidfile"
  echo "===== $(date '+%F %T') cluster.sh starts broker $n" >> "$log"
  _kafka_cds "broker-$(_kafka_port "$n")"
  # In a subshell, so that the broker is not a job of this shell (no "Killed" notices), and in a
  # session of its own; the pid file is written by the process that then becomes the JVM.
  # shellcheck disable=SC2086  # the heap and JVM options are lists of words
  ( setsid bash -c 'echo $$ > "$0"; exec "$@"' "$pidfile" \
    "$_kjava" ${KAFKA_HEAP_OPTS:--Xms128m -Xmx512m} \
    -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
    -XX:+ExplicitGCInvokesConcurrent -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true \
    "${_kjvm[@]}" "${_kcds[@]}" \
    -Dlog4j2.configurationFile="$_KAFKA_HERE/log4j2-broker.xml" -Dkafka.logs.dir="$(_kafka_node_dir "$n")" \
    ${KAFKA_JVM_OPTS:-} \
    -cp "$_klib/*" kafka.Kafka "$(_kafka_conf "$n")" >> "$log" 2>&1 < /dev/null 9>&- & )
  local i
  for i in $(seq 1 50); do [ -s "$pidfile" ] && return 0; sleep 0.1; done
  _kafka_err "broker $n did not start (no pid file)"; return 1
}

# Has broker n logged its start since the log had $2 bytes?
_kafka_started() {
  # (not `tail | grep -q`: under pipefail, tail killed by SIGPIPE would fail the pipeline)
  grep -q 'Kafka Server started' < <(tail -c +"$(($2 + 1))" "$(_kafka_log "$1")" 2>/dev/null)
}

# The first errors (with the line after each, the exception) and the last lines that brokers "$@" logged (since this command started them,
# if it did).
_kafka_tail_logs() {
  local n log
  for n in "$@"; do
    log=$(_kafka_log "$n")
    if grep -qE '^\[[^]]*\] (ERROR|FATAL) ' < <(tail -c +"$(( ${_koffset[$n]:-0} + 1 ))" "$log" 2>/dev/null); then
      echo "----- first errors in $log" >&2
      grep -A1 --no-group-separator -E '^\[[^]]*\] (ERROR|FATAL) ' \
        < <(tail -c +"$(( ${_koffset[$n]:-0} + 1 ))" "$log" 2>/dev/null) | head -n 10 | cut -c1-400 | sed 's/^/  /' >&2
    fi
    echo "----- last lines of $log" >&2
    tail -c +"$(( ${_koffset[$n]:-0} + 1 ))" "$log" 2>/dev/null \
      | tail -n "${KAFKA_LOG_TAIL:-40}" | sed 's/^/  /' >&2
  done
}

# Admin client settings of the probes: give up after seconds, not after the default minute.
_kafka_probe_config() {
  local f="$_kdir/probe.properties"
  [ -f "$f" ] || printf 'request.timeout.ms=5000\ndefault.api.timeout.ms=10000\n' > "$f"
  echo "$f"
}

# The number of unfenced brokers that the cluster's metadata lists and that answer, as seen from a
# bootstrap server (org.apache.kafka.tools.BrokerApiVersionsCommand).
_kafka_brokers_up() {
  _kafka_probe org.apache.kafka.tools.BrokerApiVersionsCommand --bootstrap-server "$(kafka_bootstrap)" \
    --command-config "$(_kafka_probe_config)" 2>/dev/null | grep -c 'isFenced: false) -> ($'
}

# Prints the under-replicated partitions (none: empty output); fails when the cluster does not
# answer (the error is in <KAFKA_DIR>/probe.err).
_kafka_under_replicated() {
  _kafka_probe org.apache.kafka.tools.TopicCommand --bootstrap-server "$(kafka_bootstrap)" \
    --command-config "$(_kafka_probe_config)" --describe --under-replicated-partitions 2> "$_kdir/probe.err"
}

# Waits until brokers "$@" logged their start since the offsets in _koffset, then until the
# cluster has all 3 brokers. Fails early when one of them exits.
_kafka_wait() {
  local timeout=$1; shift
  local deadline=$((SECONDS + timeout)) n pending up
  while :; do
    pending=()
    for n in "$@"; do
      if ! _kafka_pid "$n" >/dev/null; then
        _kafka_err "broker $n exited while starting"; _kafka_tail_logs "$n"; return 1
      fi
      _kafka_started "$n" "${_koffset[$n]}" || pending+=("$n")
    done
    if (( ${#pending[@]} == 0 )); then
      up=$(_kafka_brokers_up)
      [ "${up:-0}" -eq 3 ] && return 0
      pending=(cluster)
    fi
    if (( SECONDS >= deadline )); then
      if [ "${pending[*]}" = cluster ]; then
        _kafka_err "timed out after ${timeout}s: the brokers run, but the cluster lists ${up:-0} unfenced brokers, not 3"
      else
        _kafka_err "timed out after ${timeout}s waiting for broker(s) ${pending[*]} to log 'Kafka Server started'"
      fi
      _kafka_tail_logs $_KAFKA_NODES; return 1
    fi
    sleep 1
  done
}

_kafka_do_start() {
  _kafka_settings && _kafka_java && _kafka_jars || return 1
  local n started=() t0=$SECONDS
  declare -gA _koffset=()
  for n in $_KAFKA_NODES; do mkdir -p "$(_kafka_node_dir "$n")" || return 1; done
  for n in $_KAFKA_NODES; do
    if _kafka_pid "$n" >/dev/null; then
      if ! grep -qxF "listeners=PLAINTEXT://127.0.0.1:$(_kafka_port "$n"),CONTROLLER://127.0.0.1:$(_kafka_cport "$n")" "$(_kafka_conf "$n")"; then
        _kafka_err "broker $n of $_kdir runs with other ports ($(grep '^listeners=' "$(_kafka_conf "$n")")): stop it first"
        return 1
      fi
      continue
    fi
    _kafka_ports_free "$n" || return 1
  done
  for n in $_KAFKA_NODES; do
    _kafka_pid "$n" >/dev/null || _kafka_write_config "$n" || return 1
  done
  _kafka_format || return 1
  for n in $_KAFKA_NODES; do
    if _kafka_pid "$n" >/dev/null; then _kafka_say "broker $n already runs (pid $(_kafka_pid "$n"))"; continue; fi
    touch "$(_kafka_log "$n")"
    _koffset[$n]=$(stat -c %s "$(_kafka_log "$n")")
    _kafka_launch "$n" || { _kafka_start_failed "${started[@]}" "$n"; return 1; }
    started+=("$n")
  done
  if (( ${#started[@]} )); then
    _kafka_say "waiting for brokers ${started[*]} (logs: $_kdir/broker-<n>/broker.log)"
  fi
  if ! _kafka_wait "${KAFKA_START_TIMEOUT:-120}" "${started[@]}"; then
    _kafka_start_failed "${started[@]}"; return 1
  fi
  _kafka_say "cluster up in $((SECONDS - t0))s: $(kafka_bootstrap)"
}

_kafka_start_failed() {
  if [ "${KAFKA_KEEP_ON_FAILURE:-0}" = 1 ]; then
    _kafka_err "start failed; the brokers are left running (KAFKA_KEEP_ON_FAILURE=1)"
  elif (( $# > 0 )); then
    _kafka_err "start failed; stopping the brokers it started ($*)"
    _kafka_stop_nodes "$@"
  fi
}

# SIGTERM, then SIGKILL after KAFKA_STOP_TIMEOUT seconds; returns when the processes are gone.
#
# A node stops its broker only once the active controller approved its controlled shutdown, and
# that needs a quorum: 2 of the 3 controllers. When all nodes stop together, one of them sometimes
# asks after the two others have already gone, and would then wait 5 minutes for an approval that
# cannot come. Such a node (the last one alive, its request not approved) is killed at once.
_kafka_stop_nodes() {
  local n pid nodes=() deadline alive since
  local -A offset=()
  for n in "$@"; do
    pid=$(_kafka_pid "$n") || continue
    offset[$n]=$(stat -c %s "$(_kafka_log "$n")" 2>/dev/null || echo 0)
    kill -TERM "$pid" 2>/dev/null; nodes+=("$n")
  done
  (( ${#nodes[@]} )) || return 0
  deadline=$((SECONDS + ${KAFKA_STOP_TIMEOUT:-30}))
  while (( SECONDS < deadline )); do
    alive=()
    for n in $_KAFKA_NODES; do _kafka_pid "$n" >/dev/null && alive+=("$n"); done
    (( ${#alive[@]} )) || break
    _kafka_any_alive "${nodes[@]}" || break
    if (( ${#alive[@]} == 1 )) && [ -n "${offset[${alive[0]}]:-}" ]; then
      n=${alive[0]}; since=$(tail -c +"$((offset[$n] + 1))" "$(_kafka_log "$n")" 2>/dev/null)
      if grep -q 'Beginning controlled shutdown' <<< "$since" \
         && ! grep -q 'The controller has asked us to exit controlled shutdown' <<< "$since"; then
        _kafka_say "broker $n is the last one running and waits for a controller quorum to approve its shutdown: SIGKILL"
        kill -KILL "$(_kafka_pid "$n")" 2>/dev/null
      fi
    fi
    sleep 0.5
  done
  for n in "${nodes[@]}"; do
    if pid=$(_kafka_pid "$n"); then
      _kafka_err "broker $n (pid $pid) did not stop within ${KAFKA_STOP_TIMEOUT:-30}s: SIGKILL"
      kill -KILL "$pid" 2>/dev/null
    fi
  done
  deadline=$((SECONDS + 10))
  while _kafka_any_alive "${nodes[@]}"; do
    if (( SECONDS >= deadline )); then _kafka_err "brokers still alive after SIGKILL"; return 1; fi
    sleep 0.2
  done
  for n in "${nodes[@]}"; do rm -f "$(_kafka_pidfile "$n")"; done
}

_kafka_any_alive() {
  local n
  for n in "$@"; do _kafka_pid "$n" >/dev/null && return 0; done
  return 1
}

_kafka_do_stop() {
  _kafka_settings || return 1
  local n running=()
  for n in $_KAFKA_NODES; do _kafka_pid "$n" >/dev/null && running+=("$n"); done
  if (( ${#running[@]} == 0 )); then _kafka_say "no broker runs in $_kdir"; return 0; fi
  local t0=$SECONDS
  _kafka_stop_nodes "${running[@]}"
  _kafka_say "stopped brokers ${running[*]} in $((SECONDS - t0))s"
}

_kafka_do_kill() {
  _kafka_settings && _kafka_check_node "${1:-}" || return 1
  local n=$1 pid
  if ! pid=$(_kafka_pid "$n"); then _kafka_err "broker $n does not run"; return 1; fi
  kill -KILL "$pid"
  local deadline=$((SECONDS + 10))
  while _kafka_is_broker "$pid" "$(_kafka_conf "$n")"; do
    if (( SECONDS >= deadline )); then _kafka_err "broker $n (pid $pid) still runs after SIGKILL"; return 1; fi
    sleep 0.1
  done
  rm -f "$(_kafka_pidfile "$n")"
  _kafka_say "killed broker $n (pid $pid) with SIGKILL"
}

_kafka_do_restart() {
  _kafka_settings && _kafka_check_node "${1:-}" && _kafka_java && _kafka_jars || return 1
  local n=$1 t0=$SECONDS deadline urp
  declare -gA _koffset=()
  if [ ! -f "$_kdir/cluster.id" ]; then _kafka_err "no cluster in $_kdir: run start first"; return 1; fi
  local other others=0
  for other in $_KAFKA_NODES; do
    [ "$other" != "$n" ] && _kafka_pid "$other" >/dev/null && others=$((others + 1))
  done
  if (( others == 0 )); then
    _kafka_err "no other broker runs: broker $n cannot join a controller quorum alone; use start"; return 1
  fi
  if _kafka_pid "$n" >/dev/null; then _kafka_say "stopping broker $n"; _kafka_stop_nodes "$n"; fi
  _kafka_ports_free "$n" && _kafka_write_config "$n" || return 1
  touch "$(_kafka_log "$n")"
  _koffset[$n]=$(stat -c %s "$(_kafka_log "$n")")
  _kafka_launch "$n" || return 1
  _kafka_wait "${KAFKA_RESTART_TIMEOUT:-180}" "$n" || return 1
  local up_at=$((SECONDS - t0))
  deadline=$((t0 + ${KAFKA_RESTART_TIMEOUT:-180}))
  while :; do
    if urp=$(_kafka_under_replicated) && [ -z "$urp" ]; then break; fi
    if (( SECONDS >= deadline )); then
      _kafka_err "broker $n runs but partitions are still under-replicated after ${KAFKA_RESTART_TIMEOUT:-180}s:"
      { printf '%s\n' "$urp"; cat "$_kdir/probe.err"; } | head -20 | sed 's/^/  /' >&2
      _kafka_tail_logs "$n"; return 1
    fi
    sleep 1
  done
  _kafka_say "broker $n rejoined: up after ${up_at}s, no under-replicated partitions after $((SECONDS - t0))s"
}

kafka_status() {
  _kafka_settings || return 1
  local n pid running=0
  for n in $_KAFKA_NODES; do
    if pid=$(_kafka_pid "$n"); then
      running=$((running + 1))
      printf 'broker %s: running, pid %s, 127.0.0.1:%s (controller %s), log %s\n' \
        "$n" "$pid" "$(_kafka_port "$n")" "$(_kafka_cport "$n")" "$(_kafka_log "$n")"
    else
      printf 'broker %s: stopped\n' "$n"
    fi
  done
  echo "bootstrap: $(kafka_bootstrap)"
  (( running == 3 ))
}

_kafka_do_clean() {
  _kafka_do_stop || return 1
  local n
  for n in $_KAFKA_NODES; do rm -rf "$(_kafka_node_dir "$n")"; done
  rm -f "$_kdir/cluster.id"
  _kafka_say "deleted the brokers' data in $_kdir"
}

# The commands that change the cluster run one at a time per KAFKA_DIR, under a lock, in a
# subshell (which holds the lock; the brokers do not inherit it, see _kafka_launch).
_kafka_locked() {
  if [ "${_KAFKA_LOCKED:-}" = "$_kdir" ]; then "$@"; return; fi
  ( _KAFKA_LOCKED=$_kdir
    exec 9> "$_kdir/.lock" || exit 1
    if ! flock -w 300 9; then _kafka_err "another cluster.sh command holds $_kdir/.lock"; exit 1; fi
    "$@" )
}

kafka_start() { _kafka_settings && _kafka_locked _kafka_do_start; }
kafka_stop() { _kafka_settings && _kafka_locked _kafka_do_stop; }
kafka_kill() { _kafka_settings && _kafka_locked _kafka_do_kill "$@"; }
kafka_restart() { _kafka_settings && _kafka_locked _kafka_do_restart "$@"; }
kafka_clean() { _kafka_settings && _kafka_locked _kafka_do_clean; }

_kafka_main() {
  local cmd=${1:-}; shift || true
  case "$cmd" in
    start|stop|status|bootstrap|clean) (( $# == 0 )) || { _kafka_err "$cmd takes no argument"; return 2; } ;;
    kill|restart) (( $# == 1 )) || { _kafka_err "usage: $0 $cmd <1|2|3>"; return 2; } ;;
    tool) (( $# >= 1 )) || { _kafka_err "usage: $0 tool <main class> [args]"; return 2; } ;;
    *) sed -n '2,/^$/p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; return 2 ;;
  esac
  "kafka_$cmd" "$@"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -uo pipefail
  _kafka_main "$@"
fi
