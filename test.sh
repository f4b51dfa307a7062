#!/usr/bin/env bash
# Runs every test: build (warnings are errors), unit and integration tests against Azurite,
# browser tests in headless Chromium against the Agents Playground, manifest and Bicep checks.
# Installs what is missing first. Output and screenshots go to test-output/.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/lib.sh

ensure_node_modules
ensure_dotnet
ensure_chromium
ensure_faketime

rm -rf test-output && mkdir -p test-output
table_port=$(free_port 10102)
queue_port=$(free_port $((table_port + 1)))
start_azurite "$table_port" "$queue_port" test-output/azurite.log
trap 'kill $AZURITE_PID 2>/dev/null || true' EXIT
export TEAMSREVIEWBOT_TEST_STORAGE
TEAMSREVIEWBOT_TEST_STORAGE=$(azurite_connection_string "$table_port" "$queue_port")
log "Azurite on 127.0.0.1:$table_port (tables), :$queue_port (queues)"

log "building (warnings are errors)"
dotnet build TeamsReviewBot.sln --no-restore --nologo --verbosity quiet -warnaserror

failed=0
log "unit and integration tests"
dotnet test TeamsReviewBot.sln --no-build --nologo --logger "console;verbosity=minimal" \
  --logger "trx;LogFileName=dotnet.trx" --results-directory test-output/dotnet 2>&1 | tee test-output/dotnet.log || failed=1

log "browser tests (headless Chromium, Agents Playground)"
node --test --test-concurrency=1 tests/browser/ 2>&1 | tee test-output/browser.log || failed=1

for check in manifest/check.sh infra/check.sh; do
  if [ -f "$check" ]; then
    log "$check"
    bash "$check" || failed=1
  fi
done

# The date-sensitive tests (a whole case per playbook, each playbook's decision, information
# requests, the meeting, and the browser tests) once more on a clock shifted to one of the days that broke or
# could break them: a weekend, Christmas, a substitute bank holiday, Easter Monday late at night, the
# nights the clocks change. A new time bomb then fails the day it is written. The day rotates daily;
# TEST_SHIFTED_DATE picks one (any date `date -d` reads), and TEST_SHIFTED_DATE=none skips the step.
shifted_dates=(
  "2026-12-05 11:00 UTC"  # a Saturday
  "2026-12-25 10:00 UTC"  # Christmas Day
  "2026-12-28 09:00 UTC"  # Monday, the substitute Boxing Day bank holiday
  "2027-03-29 23:30 UTC"  # Easter Monday, late at night
  "2027-03-28 00:30 UTC"  # the night the clocks go forward, before
  "2027-03-28 01:30 UTC"  # ... and after (London jumps from 1 am to 2 am at 01:00 UTC)
  "2027-10-31 00:30 UTC"  # the night the clocks go back: London's 1.30 am, the first time
  "2027-10-31 01:30 UTC"  # ... and the second
)
shifted_date=${TEST_SHIFTED_DATE:-${shifted_dates[$(( $(date +%s) / 86400 % ${#shifted_dates[@]} ))]}}
if [ -n "${FAKETIME:-}" ] && [ "$shifted_date" != "none" ]; then
  # faketime cannot run inside faketime: the whole run is on a shifted clock already.
  log "the whole run is on a shifted clock already (started under faketime), so the date-sensitive tests are not run again on another"
  shifted_date=none
fi
if [ "$shifted_date" != "none" ]; then
  log "date-sensitive tests again, on a clock shifted to $shifted_date (TEST_SHIFTED_DATE='$shifted_date' ./test.sh repeats this)"
  faketime "$shifted_date" dotnet test TeamsReviewBot.sln --no-build --nologo --logger "console;verbosity=minimal" \
    --filter "FullyQualifiedName~WholeCase|FullyQualifiedName~DecisionTests|FullyQualifiedName~InformationRequest|FullyQualifiedName~Meeting" \
    --results-directory test-output/shifted-dotnet 2>&1 | tee test-output/shifted-dotnet.log || failed=1
  faketime "$shifted_date" node --test --test-concurrency=1 tests/browser/ 2>&1 | tee test-output/shifted-browser.log || failed=1
fi

# One closing line for every runner together.
sum() { local pattern=$1; shift; { cat "$@" 2>/dev/null || true; } | { grep -oE "$pattern" || true; } | { grep -oE '[0-9]+' || true; } | awk '{ s += $1 } END { print s + 0 }'; }
dotnet_logs=(test-output/dotnet.log test-output/shifted-dotnet.log)
browser_logs=(test-output/browser.log test-output/shifted-browser.log)
passed=$(( $(sum 'Passed: +[0-9]+' "${dotnet_logs[@]}") + $(sum '^# pass [0-9]+' "${browser_logs[@]}") ))
failures=$(( $(sum 'Failed: +[0-9]+' "${dotnet_logs[@]}") + $(sum '^# fail [0-9]+' "${browser_logs[@]}") ))
echo "tests: $passed passed, $failures failed"
exit $failed
