#!/usr/bin/env bash
# Regenerates the report screenshots in this folder from a fresh run of the hold example:
# Allure 2 and Allure 3 overviews and categories, the comparison plot and the release summary,
# photographed in headless Chromium. See docs/reports.md.
#
#   bash reports/docs/screenshots/make-screenshots.sh
#
# SCREENSHOTS_OUT=DIR writes the pictures to DIR instead of this folder (CI does, to check that they
# can still be made without touching the committed ones). Each page must show what its picture is
# for (RELEASE HOLD, the breach categories, the BREACH rules) or the script fails.
#
# Needs: Maven, Node.js 20+, npm, and Debian's chromium (apt-get install -y chromium).
# npm packages go into a temporary folder outside the project, removed at the end.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chromium=${CHROMIUM:-/usr/bin/chromium}
out=${SCREENSHOTS_OUT:-$here}
mkdir -p "$out"
out=$(cd "$out" && pwd)
[ -x "$chromium" ] || { echo "No Chromium at $chromium: apt-get install -y chromium (or set CHROMIUM)" >&2; exit 2; }

cd "$root"
echo "1/4 hold example (fails by design with DECISION: HOLD)"
if mvn -B -ntp verify -Pblocked-example > "$work/hold.log" 2>&1; then
  echo "The hold example passed, but it must hold; see $work/hold.log" >&2; exit 1
fi
grep -q "^DECISION: HOLD" "$work/hold.log" || { tail -40 "$work/hold.log" >&2; echo "No DECISION: HOLD in the log" >&2; exit 1; }

echo "2/4 Allure 2 HTML and release summary (reports module)"
mvn -B -ntp -q verify -pl reports -am -Preports -DskipTests > "$work/reports.log" 2>&1 \
  || { tail -40 "$work/reports.log" >&2; exit 1; }
results="$root/gate-specs/target/allure-results"
name=$(cat "$root/reports/target/release-summary/headline.txt")

echo "3/4 Allure 3 report (npm allure@3.18.0, in $work)"
(cd "$work" && npm init -y > /dev/null && npm install --no-audit --no-fund --silent allure@3.18.0 playwright-core@1.65.2)
ALLURE_RESULTS="$results" "$work/node_modules/.bin/allure" generate --config "$root/reports/allure3/allurerc.mjs" \
  --name "$name" -o "$work/allure3-report" "$results" > "$work/allure3.log" 2>&1 || { cat "$work/allure3.log" >&2; exit 1; }

echo "4/4 screenshots"
cp "$here/shoot.mjs" "$work/shoot.mjs"
CHROMIUM="$chromium" node "$work/shoot.mjs" "$root/reports/target/allure-report" "$work/allure3-report" \
  "$root/gate-specs/target/rehearsal/hh-harmlessness-hold/comparison-plot.svg" \
  "$root/reports/target/release-summary/summary.html" "$out"
