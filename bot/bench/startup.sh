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
#
# BENCH_CPU=1 also prints, for each run, the CPU the bot had used when the answer came (user and
# system, from /proc), in all and per thread summed by name (main, C2, C1, kb-open, ...), and the
# median of the totals. On a machine that other work loads, wall times say more about the load than
# about the build; the CPU a start takes moves far less. Threads are read every 0.1 s, so one that
# ended before the answer (kb-open) keeps its last reading; "exited" is what no reading saw.
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

TICK=$(getconf CLK_TCK)
CPU_LOG="$DATA/cpu-threads.txt"

# CPU ticks (user + system) of process $1, all its threads, dead ones included.
process_ticks() {
  local line
  read -r line < "/proc/$1/stat"
  # Fields after the name, which may hold spaces, in parentheses: utime and stime are 12th and 13th.
  set -- ${line##*) }
  echo $(( ${12} + ${13} ))
}

# Appends "tid ticks name" for each live thread of process $1 to $CPU_LOG.
sample_threads() {
  local stat line tid name
  for stat in /proc/"$1"/task/*/stat; do
    read -r line 2> /dev/null < "$stat" || continue
    tid=${stat%/stat}
    name=${line#*(}
    name=${name%)*}
    set -- ${line##*) }
    echo "${tid##*/} $(( ${12} + ${13} )) $name"
  done >> "$CPU_LOG"
}

# The last reading of each thread, summed by thread name, in ms, largest first; $1 is the total.
cpu_by_thread() {
  awk -v total="$1" -v tick="$TICK" '
    { ticks[$1] = $2; name = $3; for (i = 4; i <= NF; i++) name = name " " $i; names[$1] = name }
    END {
      for (t in ticks) {
        n = names[t]
        if (n ~ /^C2 /) n = "C2"; else if (n ~ /^C1 /) n = "C1"; else if (n == "java") n = "main"
        else if (n ~ /^(GC Thr|G1 )/) n = "GC"; else sub(/[-#]?[0-9]+$/, "", n)
        sum[n] += ticks[t]; seen += ticks[t]
      }
      sum["exited"] = total - seen
      for (n in sum) if (sum[n] > 0) printf "%d %s\n", sum[n] * 1000 / tick, n
    }' "$CPU_LOG" | sort -rn | awk '{ ms = $1; sub(/^[0-9]+ /, ""); printf "%s%s %s", (NR > 1 ? ", " : ""), $0, ms } END { print "" }'
}

# Polls until one question is answered; prints the milliseconds since $1 and, with BENCH_CPU,
# the CPU ticks bot process $2 has used by then.
first_answer() {
  local started=$1 pid=$2 conversation id token reply
  while true; do
    if conversation=$(curl -s -m 5 -X POST "http://127.0.0.1:$PORT/api/conversations" 2>/dev/null) \
        && id=$(sed -n 's/.*"id":"\([^"]*\)".*/\1/p' <<< "$conversation") && [[ -n $id ]]; then
      token=$(sed -n 's/.*"token":"\([^"]*\)".*/\1/p' <<< "$conversation")
      reply=$(curl -s -m 30 -X POST -H 'Content-Type: application/json' -H "X-Conversation-Token: $token" \
        -d "{\"text\":\"$QUESTION\"}" "http://127.0.0.1:$PORT/api/conversations/$id/messages" || true)
      if [[ $reply == *'"type":"answer"'* ]]; then
        local millis=$(( $(now_ms) - started ))
        [[ ${BENCH_CPU:-0} == 1 ]] && { sample_threads "$pid"; millis="$millis $(process_ticks "$pid")"; }
        echo "$millis"
        return
      fi
    fi
    sleep 0.02
  done
}

run_once() {
  local started pid millis sampler ticks
  started=$(now_ms)
  [[ ${BENCH_CPU:-0} == 1 ]] && : > "$CPU_LOG"
  DATASOURCES_DEFAULT_URL="jdbc:h2:file:$DATA/tierzero;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64;WRITE_DELAY=0" \
  TIERZERO_KB_ARTICLES_DIR="$ARTICLES" TIERZERO_KB_INDEX_DIR="$DATA/index" MICRONAUT_SERVER_PORT="$PORT" \
    "$JAVA" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED "$@" -jar "$JAR" \
    > "$DATA/bot.log" 2>&1 &
  pid=$!
  if [[ ${BENCH_CPU:-0} == 1 ]]; then
    (while kill -0 "$pid" 2> /dev/null; do sample_threads "$pid"; sleep 0.1; done) &
    sampler=$!
  fi
  read -r millis ticks <<< "$(first_answer "$started" "$pid")"
  [[ -n ${sampler:-} ]] && { kill "$sampler" 2> /dev/null; wait "$sampler" 2> /dev/null || true; }
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  rm -f "$DATA/cpu-run.txt"
  if [[ -n ${ticks:-} ]]; then
    echo "$(( ticks * 1000 / TICK ))" >> "$DATA/cpu-totals.txt"
    echo "  CPU to first answer: $(( ticks * 1000 / TICK )) ms ($(cpu_by_thread "$ticks"))" > "$DATA/cpu-run.txt"
  fi
  echo "$millis"
}

[[ ${BENCH_WARMUP:-1} == 0 ]] || run_once "$@" > /dev/null
[[ ${BENCH_CPU:-0} == 1 ]] && : > "$DATA/cpu-totals.txt"
times=()
for ((i = 1; i <= RUNS; i++)); do
  millis=$(run_once "$@")
  echo "run $i: $millis ms"
  [[ -f $DATA/cpu-run.txt ]] && cat "$DATA/cpu-run.txt"
  times+=("$millis")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR] = $1} END {print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}')
echo "median of $RUNS: $median ms (exec to first answer, $JAR${*:+, JVM options: $*})"
if [[ ${BENCH_CPU:-0} == 1 ]]; then
  echo "median CPU to first answer: $(sort -n "$DATA/cpu-totals.txt" | awk '{a[NR] = $1} END {print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}') ms"
fi
