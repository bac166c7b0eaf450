# Starts and installs what CI needs on this machine when it is missing (sourced by .ci/run).
ensure_services() {
  if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
    echo "== Starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
  fi
  if [ ! -x /usr/bin/chromium ]; then
    echo "== Installing Debian's Chromium for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
  # In CI the browser tests must run; on a developer machine without Chromium they are skipped.
  export LINKLEDGER_BROWSER_TESTS=required
}

# The 3-broker Kafka cluster of .ci/kafka/cluster.sh, started on fresh data (a topic or consumer
# group left by an earlier run must not change what the tests see). Exports the bootstrap servers
# for the tests and the nodes they start, and KAFKA_DIR and KAFKA_BASE_PORT for the tests that
# kill and restart a broker.
start_kafka() {
  export KAFKA_DIR=${KAFKA_DIR:-$PWD/target/kafka} KAFKA_BASE_PORT=${KAFKA_BASE_PORT:-19092}
  source .ci/kafka/cluster.sh
  local started=$SECONDS
  echo "== Starting the 3-broker Kafka cluster on fresh data in $KAFKA_DIR"
  kafka_clean && kafka_start || return 1
  SPRING_KAFKA_BOOTSTRAP_SERVERS=$(kafka_bootstrap)
  export SPRING_KAFKA_BOOTSTRAP_SERVERS
  echo "== Kafka up in $(( SECONDS - started )) s: $SPRING_KAFKA_BOOTSTRAP_SERVERS"
}

# Stops the cluster if start_kafka got as far as defining the commands; never fails the caller.
stop_kafka() {
  if declare -F kafka_stop >/dev/null; then
    local started=$SECONDS
    kafka_stop || echo "== Kafka did not stop cleanly: see $KAFKA_DIR/broker-*/broker.log"
    echo "== Kafka stopped in $(( SECONDS - started )) s"
  fi
}
