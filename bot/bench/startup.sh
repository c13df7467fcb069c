#!/usr/bin/env bash
# Start-up benchmark: launches the bot N times on an up-to-date index and prints, for each run and
# as a median, the time from exec to the first answered chat question (POST .../messages with a
# reply of type "answer").
#
#   bot/bench/startup.sh [runs] [port] [jar] [-- extra JVM options...]
#   defaults: 5, 8090, bot/target/bot.jar; e.g. bot/bench/startup.sh 7 8090 /tmp/old-bot.jar
#   with the AOT cache (made by bot/aot-cache.sh): bot/bench/startup.sh 7 8090 bot/target/bot.jar -- -XX:AOTCache=bot/target/bot.aot
#   BENCH_DATA (default /tmp/tierzero-startup) holds the index and database; BENCH_ARTICLES
#   (default articles) the knowledge base; BENCH_WARMUP=0 skips the first, uncounted run when
#   BENCH_DATA already holds an up-to-date index (to alternate builds run after run).
#
# One run first, not counted, builds the index and the database, so every measured run opens an
# up-to-date index, as a restart in production does. Needs curl and JAVA_HOME on a JDK 21+.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
PORT=${2:-8090}
JAR=${3:-bot/target/bot.jar}
shift $(( $# < 3 ? $# : 3 ))
[[ ${1:-} == -- ]] && shift
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
ARTICLES=${BENCH_ARTICLES:-articles}
DATA=${BENCH_DATA:-/tmp/tierzero-startup}
QUESTION='What are the password requirements?'
mkdir -p "$DATA"
DATA=$(cd "$DATA" && pwd)

now_ms() { date +%s%3N; }

# Polls until one question is answered; prints the milliseconds since $1.
first_answer() {
  local started=$1 conversation id token reply
  while true; do
    if conversation=$(curl -s -m 5 -X POST "http://127.0.0.1:$PORT/api/conversations" 2>/dev/null) \
        && id=$(sed -n 's/.*"id":"\([^"]*\)".*/\1/p' <<< "$conversation") && [[ -n $id ]]; then
      token=$(sed -n 's/.*"token":"\([^"]*\)".*/\1/p' <<< "$conversation")
      reply=$(curl -s -m 30 -X POST -H 'Content-Type: application/json' -H "X-Conversation-Token: $token" \
        -d "{\"text\":\"$QUESTION\"}" "http://127.0.0.1:$PORT/api/conversations/$id/messages" || true)
      if [[ $reply == *'"type":"answer"'* ]]; then
        echo $(( $(now_ms) - started ))
        return
      fi
    fi
    sleep 0.02
  done
}

run_once() {
  local started pid millis
  started=$(now_ms)
  DATASOURCES_DEFAULT_URL="jdbc:h2:file:$DATA/tierzero;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64;WRITE_DELAY=0" \
  TIERZERO_KB_ARTICLES_DIR="$ARTICLES" TIERZERO_KB_INDEX_DIR="$DATA/index" MICRONAUT_SERVER_PORT="$PORT" \
    "$JAVA" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED "$@" -jar "$JAR" \
    > "$DATA/bot.log" 2>&1 &
  pid=$!
  millis=$(first_answer "$started")
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  echo "$millis"
}

[[ ${BENCH_WARMUP:-1} == 0 ]] || run_once "$@" > /dev/null
times=()
for ((i = 1; i <= RUNS; i++)); do
  millis=$(run_once "$@")
  echo "run $i: $millis ms"
  times+=("$millis")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR] = $1} END {print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}')
echo "median of $RUNS: $median ms (exec to first answer, $JAR${*:+, JVM options: $*})"
