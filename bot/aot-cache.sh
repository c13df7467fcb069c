#!/usr/bin/env bash
# Records the JVM's ahead-of-time cache for bot.jar (JDK 25 and newer; JEP 483, 514, 515): the
# classes the bot loads and links at start, already parsed, verified and linked, and the profiles
# of its hot methods. A start with the cache skips that work:
#
#   bot/aot-cache.sh [jar] [cache] [port]        defaults: bot/target/bot.jar, bot/target/bot.aot, 8099
#   java -XX:AOTCache=bot/target/bot.aot --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -jar bot/target/bot.jar
#
# The training run starts the bot with a throw-away database and index (so it touches no real data),
# asks one question as a user would, and stops it; the JVM writes the cache as it exits. It reads
# the articles in ./articles (the repository root, /app in the image, /opt/tierzero), else the
# repository's. A cache is valid only for the jar and the Java runtime it was recorded with (the
# same JDK or JRE build; a JRE's cache does not fit a JDK of the same version): record it again
# after every build or Java update, on the machine or image that runs the bot. The deployment
# command adds -XX:AOTCache=bot.aot; a missing or outdated cache costs start-up time, not the start
# (the JVM says "Unable to map shared spaces" and starts without it).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
JAR=${1:-$HERE/target/bot.jar}
CACHE=${2:-$HERE/target/bot.aot}
PORT=${3:-8099}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
ARTICLES=articles
[[ -d $ARTICLES ]] || ARTICLES=$HERE/../articles
command -v curl > /dev/null || { echo "aot-cache.sh needs curl" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# The deployment command's JVM options: a cache recorded with other modules is not used.
# MICRONAUT_ENVIRONMENTS is dropped: in prod the bot would refuse to start without its settings.
env -u MICRONAUT_ENVIRONMENTS -u MICRONAUT_CONFIG_FILES \
  DATASOURCES_DEFAULT_URL="jdbc:h2:file:$WORK/tierzero;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64;WRITE_DELAY=0" \
  TIERZERO_KB_ARTICLES_DIR="$ARTICLES" TIERZERO_KB_INDEX_DIR="$WORK/index" TIERZERO_FLOWS_CODE_PEPPER_FILE="$WORK/code-pepper" \
  MICRONAUT_SERVER_PORT="$PORT" DJL_CACHE_DIR="$WORK/djl" \
  "$JAVA" -XX:AOTCacheOutput="$CACHE" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  -jar "$JAR" > "$WORK/bot.log" 2>&1 &
BOT=$!
answered=false
for ((i = 0; i < 3000; i++)); do
  if ! kill -0 "$BOT" 2>/dev/null; then cat "$WORK/bot.log" >&2; echo "The training run stopped early" >&2; exit 1; fi
  conversation=$(curl -s -m 5 -X POST "http://127.0.0.1:$PORT/api/conversations" 2>/dev/null || true)
  id=$(sed -n 's/.*"id":"\([^"]*\)".*/\1/p' <<< "$conversation")
  if [[ -n $id ]]; then
    token=$(sed -n 's/.*"token":"\([^"]*\)".*/\1/p' <<< "$conversation")
    reply=$(curl -s -m 30 -X POST -H 'Content-Type: application/json' -H "X-Conversation-Token: $token" \
      -d '{"text":"What are the password requirements?"}' "http://127.0.0.1:$PORT/api/conversations/$id/messages" || true)
    if [[ $reply == *'"replies"'* ]]; then answered=true; break; fi
  fi
  sleep 0.1
done
kill "$BOT"
wait "$BOT" || true
$answered || { cat "$WORK/bot.log" >&2; echo "The training run never answered" >&2; exit 1; }
[[ -s $CACHE ]] || { cat "$WORK/bot.log" >&2; echo "No AOT cache written to $CACHE" >&2; exit 1; }
echo "AOT cache: $CACHE ($(du -h "$CACHE" | cut -f1))"
