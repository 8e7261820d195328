# Sourced by ./horizon and .ci/run: points JAVA_HOME at a JDK >= 21 (Lucene 10 needs 21; the machine's
# default java may be 17). Keeps a JAVA_HOME that is already new enough; otherwise takes the newest
# JDK found under /usr/lib/jvm.

horizon_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }'
}

horizon_select_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(horizon_java_major "$JAVA_HOME")" -ge 21 ]; then
    return 0
  fi
  local best="" best_major=0 dir major
  for dir in /usr/lib/jvm/* /opt/java/* /usr/local/java/*; do
    [ -x "$dir/bin/javac" ] || continue
    major=$(horizon_java_major "$dir")
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$dir"; best_major="$major"
    fi
  done
  if [ -z "$best" ]; then
    echo "horizon: no JDK 21 or newer found (looked at JAVA_HOME and /usr/lib/jvm). Install one, e.g." >&2
    echo "         Temurin 21+, and set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}

horizon_select_jdk
