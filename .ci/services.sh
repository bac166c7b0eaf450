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
