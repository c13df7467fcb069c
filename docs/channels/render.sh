#!/usr/bin/env bash
# Pictures of what the channel tests' stand-ins received: the Teams answer card drawn by
# Microsoft's Adaptive Cards renderer (the `adaptivecards` npm package), and the email answer's
# HTML part, each in headless Chromium. Slack has no renderer outside its own clients.
#
#   docs/channels/render.sh        (needs npm, Debian's chromium, PostgreSQL as for the tests)
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=docs/channels
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

./mvnw -q -pl bot -am test -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest='TeamsChannelTest#a_personal_message*,EmailChannelTest#a_question_gets*' \
  -Dtierzero.renderings.dir="$WORK"

(cd "$WORK" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error adaptivecards@3.0.6 >/dev/null)
CARD=$(cat "$WORK/teams-answer.json")
cat > "$WORK/teams.html" <<HTML
<!doctype html><meta charset="utf-8">
<style>body{margin:16px;font-family:"Segoe UI",Arial,sans-serif;background:#f5f5f5}
#card{max-width:520px;background:#fff;border-radius:6px;box-shadow:0 1px 3px #0003}</style>
<div id="card"></div>
<script src="node_modules/adaptivecards/dist/adaptivecards.min.js"></script>
<script>
  var card = new AdaptiveCards.AdaptiveCard();
  card.parse(${CARD});
  document.getElementById("card").appendChild(card.render());
</script>
HTML
shot() { chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --allow-file-access-from-files \
  --window-size="$3" --screenshot="$2" "file://$1" >/dev/null 2>&1; }
shot "$WORK/teams.html" "$OUT/teams-answer.png" 600,420
shot "$WORK/email-answer.html" "$OUT/email-answer.png" 700,480
echo "wrote $OUT/teams-answer.png and $OUT/email-answer.png"
