# Selects a JDK >= 21 (sourced by .ci/run and the bench scripts): JAVA_HOME if it is one, else
# the newest under /usr/lib/jvm. Exports JAVA_HOME and puts its java first on PATH.
java_major() { "$1/bin/java" -version 2>&1 | sed -nE 's/.*version "([0-9]+).*/\1/p' | head -1; }

select_jdk() {
  if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ]; then
    JAVA_HOME=""
    for candidate in /usr/lib/jvm/*; do
      [ -x "$candidate/bin/java" ] || continue
      major=$(java_major "$candidate")
      if [ -n "$major" ] && [ "$major" -ge 21 ]; then
        if [ -z "$JAVA_HOME" ] || [ "$major" -gt "$(java_major "$JAVA_HOME")" ]; then JAVA_HOME=$candidate; fi
      fi
    done
  fi
  [ -n "$JAVA_HOME" ] || { echo "needs a JDK 21 or newer under /usr/lib/jvm" >&2; return 1; }
  export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
}
