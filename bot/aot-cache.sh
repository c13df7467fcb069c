#!/usr/bin/env bash
# Records the JVM's ahead-of-time cache for bot.jar (JDK 25 and newer; JEP 483, 514, 515): the
# classes the bot loads and links at start, already parsed, verified and linked, and the profiles
# of its hot methods. A start with the cache skips that work:
#
#   bot/aot-cache.sh [jar] [cache] [port]        defaults: bot/target/bot.jar, bot/target/bot.aot, 8099
#   java -XX:AOTCache=bot/target/bot.aot --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -jar bot/target/bot.jar
#
# The training run starts the bot with a throw-away database and index (so it touches no real data),
# asks one question as a user would, and stops it; the JVM writes the cache as it exits. Record it
# again after every build: a cache made for another jar or JDK is ignored with a warning.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${1:-bot/target/bot.jar}
CACHE=${2:-bot/target/bot.aot}
PORT=${3:-8099}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DATASOURCES_DEFAULT_URL="jdbc:h2:file:$WORK/tierzero;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64;WRITE_DELAY=0" \
TIERZERO_KB_INDEX_DIR="$WORK/index" TIERZERO_FLOWS_CODE_PEPPER_FILE="$WORK/code-pepper" MICRONAUT_SERVER_PORT="$PORT" \
  "$JAVA" -XX:AOTCacheOutput="$CACHE" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  -jar "$JAR" > "$WORK/bot.log" 2>&1 &
BOT=$!
for ((i = 0; i < 3000; i++)); do
  if ! kill -0 "$BOT" 2>/dev/null; then cat "$WORK/bot.log" >&2; echo "The training run stopped early" >&2; exit 1; fi
  conversation=$(curl -s -m 5 -X POST "http://127.0.0.1:$PORT/api/conversations" 2>/dev/null || true)
  id=$(sed -n 's/.*"id":"\([^"]*\)".*/\1/p' <<< "$conversation")
  if [[ -n $id ]]; then
    token=$(sed -n 's/.*"token":"\([^"]*\)".*/\1/p' <<< "$conversation")
    reply=$(curl -s -m 30 -X POST -H 'Content-Type: application/json' -H "X-Conversation-Token: $token" \
      -d '{"text":"What are the password requirements?"}' "http://127.0.0.1:$PORT/api/conversations/$id/messages" || true)
    [[ $reply == *'"replies"'* ]] && break
  fi
  sleep 0.1
done
kill "$BOT"
wait "$BOT" || true
[[ -s $CACHE ]] || { cat "$WORK/bot.log" >&2; echo "No AOT cache written to $CACHE" >&2; exit 1; }
echo "AOT cache: $CACHE ($(du -h "$CACHE" | cut -f1))"
