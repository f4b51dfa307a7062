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

# One closing line for every runner together.
sum() { grep -hoE "$1" "$2" 2>/dev/null | grep -oE '[0-9]+' | awk '{ s += $1 } END { print s + 0 }'; }
passed=$(( $(sum 'Passed: +[0-9]+' test-output/dotnet.log) + $(sum '^# pass [0-9]+' test-output/browser.log) ))
failures=$(( $(sum 'Failed: +[0-9]+' test-output/dotnet.log) + $(sum '^# fail [0-9]+' test-output/browser.log) ))
echo "tests: $passed passed, $failures failed"
exit $failed
