#!/usr/bin/env bash
# Chat load benchmark: starts the bot from bot/target/bot.jar on a knowledge base, measures the
# time from launch to the first answer, then runs ChatLoad at 1, 16 and 64 concurrent users.
#
#   bot/bench/run.sh [articles-dir] [data-dir] [port] [ChatLoad options...]
#   defaults: articles, /tmp/tierzero-bench, 8090; e.g. bot/bench/run.sh /tmp/kb10k /tmp/kb10k-data 8090 --users 16
#
# Build first: ./mvnw -q -pl bot -am package -DskipTests. Needs JAVA_HOME pointing at a JDK 21+.
set -euo pipefail
cd "$(dirname "$0")/../.."
ARTICLES=${1:-articles}
DATA=${2:-/tmp/tierzero-bench}
PORT=${3:-8090}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
mkdir -p "$DATA"
DATA=$(cd "$DATA" && pwd)
STARTED=$(date +%s%3N)
# Rate limits off: every simulated user comes from 127.0.0.1, which the per-address limit would
# throttle as one client.
DATASOURCES_DEFAULT_URL="jdbc:h2:file:$DATA/tierzero;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64;WRITE_DELAY=0" \
TIERZERO_SECURITY_RATE_LIMITS_ENABLED=false TIERZERO_DIRECTORY_EMBEDDED_PORT=0 TIERZERO_MAIL_EMBEDDED_PORT=0 \
TIERZERO_KB_ARTICLES_DIR="$ARTICLES" TIERZERO_KB_INDEX_DIR="$DATA/index" MICRONAUT_SERVER_PORT="$PORT" \
  "$JAVA" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -jar bot/target/bot.jar \
  > "$DATA/bot.log" 2>&1 &
BOT=$!
trap 'kill $BOT 2>/dev/null || true' EXIT
"$JAVA" bot/bench/ChatLoad.java --url "http://localhost:$PORT" --articles "$ARTICLES" \
  --started-at "$STARTED" --pid "$BOT" "${@:4}"
