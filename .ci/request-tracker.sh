#!/usr/bin/env bash
# Installs, configures and starts a local Request Tracker 5 (Debian's packages, SQLite, the
# standalone server) for the RequestTracker*Test classes, and prints the environment they read:
#   eval "$(.ci/request-tracker.sh)"
# Idempotent: when RT already answers and was set up, it only prints. Progress goes to stderr.
set -euo pipefail
cd "$(dirname "$0")"

PORT="${TIERZERO_RT_PORT:-8151}"
URL="http://127.0.0.1:$PORT"
STATE=/var/lib/request-tracker5/tierzero
SITE=/etc/request-tracker5/RT_SiteConfig.d/90-tierzero.pm

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
log() { echo "request-tracker: $*" >&2; }
if ! command -v curl >/dev/null; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl >/dev/null
fi

# RT's REST 2 answers 401 to a request without credentials once it is up.
answers() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$URL/REST/2.0/queues/all" 2>/dev/null | grep -q '^[24]'; }
print_env() {
  echo "export TIERZERO_RT_URL=$URL"
  echo "export TIERZERO_RT_TOKEN=$(as_root cat "$STATE/bot.token")"
  echo "export TIERZERO_RT_AGENT=$(as_root cat "$STATE/agent.login")"
}

# Site configuration last in RT_SiteConfig.d, so it wins over the package's debconf answers.
SITE_CONFIG=$(cat <<PERL
# Written by .ci/request-tracker.sh: the local RT the bot's RequestTracker tests talk to.
Set(\$WebPath, "");
Set(\$WebDomain, "127.0.0.1");
Set(\$WebPort, $PORT);
Set(\$WebBaseURL, "$URL");
# Outgoing mail (autoreplies, notifications) goes to a temporary file, never to the network.
Set(\$MailCommand, "testfile");
Set(\$LogToSyslog, undef);
Set(\$LogToSTDERR, "error");
# RT checks the token or password of every REST request with bcrypt; at its default cost (12)
# that is over a second per request on a busy two-core CI machine. This instance holds nothing
# worth guarding.
Set(\$BcryptCost, 4);
PERL
)

if answers && as_root test -s "$STATE/bot.token" && [ "$(as_root cat "$SITE" 2>/dev/null)" = "$SITE_CONFIG" ]; then
  print_env
  exit 0
fi

if ! dpkg-query -W -f='${Status}' request-tracker5 2>/dev/null | grep -q 'install ok installed'; then
  log "installing request-tracker5 (SQLite, standalone server)"
  # Answers for the packages' questions, so nothing prompts: an SQLite database set up by
  # dbconfig-common, no cron jobs, a root password only this local test instance uses.
  as_root debconf-set-selections <<'SEED'
request-tracker5 request-tracker5/rtname string tierzero.test
request-tracker5 request-tracker5/organization string tierzero.test
request-tracker5 request-tracker5/correspondaddress string rt@tierzero.test
request-tracker5 request-tracker5/commentaddress string rt-comment@tierzero.test
request-tracker5 request-tracker5/webbaseurl string http://127.0.0.1
request-tracker5 request-tracker5/webpath string /rt
request-tracker5 request-tracker5/handle-siteconfig-permissions boolean true
request-tracker5 request-tracker5/install-cronjobs boolean false
request-tracker5 request-tracker5/initial-root-password password tierzero-rt-root
request-tracker5 request-tracker5/dbconfig-install boolean true
request-tracker5 request-tracker5/database-type select sqlite3
SEED
  as_root apt-get update -qq
  # dma is the smallest mail transport agent RT's package accepts; it runs no daemon. RT itself
  # is told below to write its mail to a file, so nothing leaves the machine.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    dma request-tracker5 rt5-db-sqlite rt5-standalone >/dev/null
fi

if [ "$(as_root cat "$SITE" 2>/dev/null)" != "$SITE_CONFIG" ]; then
  printf '%s\n' "$SITE_CONFIG" | as_root tee "$SITE" >/dev/null
  # RT reads its configuration at start: a server started before this change must go.
  if as_root test -s "$STATE/server.pid"; then
    as_root kill "$(as_root cat "$STATE/server.pid")" 2>/dev/null || true
    for _ in $(seq 1 20); do answers || break; sleep 0.5; done
  fi
  as_root rm -f "$STATE/bot.token"  # made with the old bcrypt cost: slow on every request
fi

if ! answers; then
  as_root mkdir -p "$STATE"
  log "starting rt-server on port $PORT"
  # Its own session, so it outlives this script; the pid file names the server itself.
  as_root setsid sh -c 'echo $$ > "$1/server.pid"; exec /usr/share/request-tracker5/libexec/rt-server --port "$2" --max-workers 3' \
    rt "$STATE" "$PORT" >"$STATE/server.log" 2>&1 < /dev/null &
  for _ in $(seq 1 60); do answers && break; sleep 1; done
  answers || { log "RT did not answer on $URL"; as_root tail -n 30 "$STATE/server.log" >&2; exit 1; }
fi

log "setting up queues, custom field, users and token"
as_root mkdir -p "$STATE"
as_root perl request-tracker-setup.pl "$STATE"
print_env
