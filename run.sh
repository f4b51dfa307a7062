#!/usr/bin/env bash
# Starts the whole local stack: Azurite (in memory), the Graph sandbox, the bot on
# http://127.0.0.1:3978 and the Microsoft 365 Agents Playground. Installs what is missing first.
# Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/lib.sh

ensure_node_modules
ensure_dotnet
log "building"
dotnet build TeamsReviewBot.sln --no-restore --nologo --verbosity quiet

mkdir -p .local
pids=()
stop_all() {
  log "stopping"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop_all EXIT
trap 'exit 0' INT TERM

for port in 10002 10001 3978 56150; do
  if port_open "$port"; then log "port $port is already in use: stop whatever holds it (an earlier ./run.sh?) and try again"; exit 1; fi
done

start_azurite 10002 10001 .local/azurite.log
pids+=("$AZURITE_PID")
log "Azurite: tables on 127.0.0.1:10002, queues on 127.0.0.1:10001"

if [ -f tests/GraphSandbox/GraphSandbox.csproj ]; then
  dotnet run --no-build --project tests/GraphSandbox -- --urls http://127.0.0.1:5080 > .local/graph-sandbox.log 2>&1 &
  pids+=("$!")
  wait_for_port 5080 "the Graph sandbox"
  log "Graph sandbox: http://127.0.0.1:5080/v1.0"
fi

# The fictional partnership's people, panel channel and agencies, then the partnership mailbox
# through the Graph sandbox (see tests/GraphSandbox/README.md).
set -a
# shellcheck source=scripts/playground.env
source scripts/playground.env
set +a
ASPNETCORE_ENVIRONMENT=Development \
Storage__ConnectionString="$(azurite_connection_string 10002 10001)" \
Graph__UseSandbox=true \
Graph__BaseUrl=http://127.0.0.1:5080/v1.0 \
Graph__Mailbox=OSCP.Group@oldham.gov.uk \
Graph__NotificationUrl=http://127.0.0.1:3978/api/notifications \
Graph__LifecycleNotificationUrl=http://127.0.0.1:3978/api/notifications/lifecycle \
Graph__ClientStateSecret=local-sandbox-client-state \
Privacy__KeyEncryptionKey="$(head -c 32 /dev/urandom | base64)" \
Intake__Partnership=oldham \
  dotnet bot/bin/Debug/net10.0/TeamsReviewBot.dll --urls http://127.0.0.1:3978 --contentRoot "$PWD/bot" > .local/bot.log 2>&1 &
pids+=("$!")
wait_for_port 3978 "the bot"
log "bot: http://127.0.0.1:3978 (health: http://127.0.0.1:3978/healthz, log: .local/bot.log)"
log "case board as Bea Manning: http://127.0.0.1:3978/board?as=30000000-0000-0000-0000-000000000001"

TEAMSAPPTESTER_BROWSER=none M365_AGENTS_PLAYGROUND_LOGFILE=.local/playground.log \
  node_modules/.bin/agentsplayground -e http://127.0.0.1:3978/api/messages -c msteams -p 56150 --disable-telemetry > .local/playground.out 2>&1 &
pids+=("$!")
wait_for_port 56150 "the Agents Playground"

cat <<MSG

  TeamsReviewBot is running. Open http://127.0.0.1:56150 in a browser and type "help".
  You are Bea Manning, business manager of a fictional Oldham panel; the team and its
  "Rapid Review Panel" channel are in the left-hand list.
  Drop a sample referral into the partnership mailbox (a case opens and goes to the panel):
    curl -s -X POST http://127.0.0.1:5080/sandbox/mailboxes/OSCP.Group@oldham.gov.uk/inbox \\
      -H 'Content-Type: message/rfc822' --data-binary @tests/GraphSandbox/samples/gm-notification-form-referral.eml
  Press Ctrl-C to stop everything.

MSG
wait
