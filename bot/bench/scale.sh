#!/usr/bin/env bash
# Load run on PostgreSQL: starts N bot instances (default 2) from bot/target/bot.jar on one fresh
# PostgreSQL schema, each with its own index of the same articles, then runs ChatLoad with every
# call going to the next instance in turn (no sticky sessions), and drops the schema afterwards.
#
#   bot/bench/scale.sh [instances] [ChatLoad options...]
#   e.g. bot/bench/scale.sh 2 --users 200 --seconds 60
#
# PostgreSQL: PGHOST/PGPORT/PGUSER/PGDATABASE (default 127.0.0.1, 5432, postgres, test), via psql.
# Rate limits are off: every simulated user comes from 127.0.0.1, which in production would be 200
# addresses. Build first: ./mvnw -q -pl bot -am package -DskipTests. Needs JAVA_HOME (JDK 21+).
set -euo pipefail
cd "$(dirname "$0")/../.."
INSTANCES=${1:-2}
export PGOPTIONS="${PGOPTIONS:--c client_min_messages=warning}"
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-test}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
DATA=${DATA:-/tmp/tierzero-scale}
SCHEMA=tz_bench_$$
rm -rf "$DATA" && mkdir -p "$DATA"
psql -q -c "create schema $SCHEMA"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql -q -c "drop schema if exists $SCHEMA cascade" || true
}
trap cleanup EXIT
URLS=()
for i in $(seq 1 "$INSTANCES"); do
  PORT=$((8090 + i))
  DATASOURCES_DEFAULT_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE?currentSchema=$SCHEMA" \
  DATASOURCES_DEFAULT_USERNAME="$PGUSER" DATASOURCES_DEFAULT_PASSWORD="${PGPASSWORD:-}" \
  TIERZERO_KB_ARTICLES_DIR=articles TIERZERO_KB_INDEX_DIR="$DATA/index-$i" MICRONAUT_SERVER_PORT="$PORT" \
  TIERZERO_SECURITY_RATE_LIMITS_ENABLED=false TIERZERO_DIRECTORY_EMBEDDED_PORT=0 TIERZERO_MAIL_EMBEDDED_PORT=0 \
    "$JAVA" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -jar bot/target/bot.jar \
    > "$DATA/bot-$i.log" 2>&1 &
  PIDS+=($!)
  # One at a time, so the second finds the schema migrated rather than racing Flyway.
  until curl -sf "http://localhost:$PORT/health" > /dev/null; do
    kill -0 "${PIDS[-1]}" 2>/dev/null || { echo "instance $i failed: see $DATA/bot-$i.log"; exit 1; }
    sleep 0.5
  done
  URLS+=("http://localhost:$PORT")
done
echo "$INSTANCES instance(s) on PostgreSQL schema $SCHEMA: ${URLS[*]}"
"$JAVA" bot/bench/ChatLoad.java --url "$(IFS=,; echo "${URLS[*]}")" --articles articles "${@:2}"
