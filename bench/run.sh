#!/usr/bin/env bash
# Benchmarks, each against a private Azurite.
# Usage:
#   bench/run.sh [clicks]  the clicks of issue #21 over HTTP (refer, first/second/deciding vote, re-vote,
#                          refresh) against the bot in its own process (Release), beside a bare one-write
#                          endpoint, at 1, 10 and 50 clients, with the Graph sandbox and a stand-in Teams
#                          connector; checks, start-up, memory; writes docs/benchmarks.md (about 10 minutes)
#   bench/run.sh quick     the same, smaller (20 requests per cell, 300 cases); writes test-output only
#   bench/run.sh clickcpu  the bot's CPU time per click (utime+stime over a batch of TEAMSREVIEWBOT_BENCH_REQUESTS,
#                          default 100, each click kind); writes test-output/bench-clickcpu.md
#   bench/run.sh memory    the bot's memory after start and idle after 1,000 cases (TEAMSREVIEWBOT_BENCH_CASES),
#                          by mapping from /proc/<pid>/smaps; writes test-output/bench-memory.md
#   bench/run.sh formread [n]  reading an emailed referral's Word form alone (no storage, no Graph), n reads
#                          a round (default 1,000), five rounds: wall and CPU time per read
#   bench/run.sh mailbody [n]  writing the request that creates a draft with a 1 MiB file through the Graph
#                          SDK's model, beside the file alone as JSON, n a round (default 50): CPU and bytes allocated
#   bench/run.sh [rounds] [board|votes]   storage figures for a click and a timer sweep ("board": only
#                          the case board, no storage; "votes": the earlier in-process vote path)
#   bench/run.sh catchup [n] [throttleEvery]   n referrals (default 1,000) waiting in a Graph sandbox
#                          mailbox when the bot starts; with throttleEvery, every Nth Graph call is answered 429;
#                          TEAMSREVIEWBOT_BENCH_CALLERS=1 names the bot's code behind each storage call (and a
#                          transaction's tables), TEAMSREVIEWBOT_BENCH_CALLER_DEPTH how many frames (3);
#                          prints Azurite's own CPU per message beside the bot's
#   bench/run.sh azurite [n]   Azurite's own CPU per table call, n calls a kind (default 500), by kind, in a
#                          partition of 1, 1,000 and 5,000 rows: what a storage call weighs on this machine
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_node_modules
mkdir -p test-output
pids=()
stop_all() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap stop_all EXIT

# Ports from a random base, and the Azurite must be ours: another engineer's on the same ports would
# answer just as well and then vanish under the run.
table_port=$(free_port $((20000 + RANDOM % 20000)))
queue_port=$(free_port $((table_port + 1)))
start_own_azurite() {
  start_azurite "$table_port" "$queue_port" test-output/bench-azurite.log
  pids+=("$AZURITE_PID")
  # The benchmarks report Azurite's own CPU beside the bot's: one Node.js thread serves every table call.
  export TEAMSREVIEWBOT_BENCH_AZURITE_PID=$AZURITE_PID
  sleep 1
  if ! kill -0 "$AZURITE_PID" 2>/dev/null || ! grep -q "Table service is successfully listening at http://127.0.0.1:$table_port" test-output/bench-azurite.log; then
    log "Azurite did not start on its own ports (see test-output/bench-azurite.log); run again"; exit 1
  fi
}

case "${1:-clicks}" in
  clicks|quick|memory|clickcpu)
    # A restore rewrites every project's assets and so rebuilds everything: only on a fresh clone.
    [ -f bench/obj/project.assets.json ] && [ -f bench/Probe/obj/project.assets.json ] || ensure_dotnet
    log "building the bot, the Graph sandbox and the benchmark (Release)"
    dotnet build -c Release --no-restore --nologo -v q bench/TeamsReviewBot.Bench.csproj
    dotnet build -c Release --no-restore --nologo -v q tests/GraphSandbox/GraphSandbox.csproj
    start_own_azurite
    graph_port=$(free_port $((queue_port + 1)))
    dotnet tests/GraphSandbox/bin/Release/net10.0/GraphSandbox.dll --urls "http://127.0.0.1:$graph_port" > test-output/bench-graph-sandbox.log 2>&1 &
    pids+=("$!")
    wait_for_port "$graph_port" "the Graph sandbox"
    # The local stack's fictional Oldham partnership, as ./run.sh gives it to the bot.
    set -a
    # shellcheck source=scripts/playground.env
    source scripts/playground.env
    set +a
    TEAMSREVIEWBOT_BENCH_ROOT="$PWD" \
    TEAMSREVIEWBOT_BENCH_STORAGE=$(azurite_connection_string "$table_port" "$queue_port") \
    TEAMSREVIEWBOT_BENCH_GRAPH="http://127.0.0.1:$graph_port" \
    TEAMSREVIEWBOT_BENCH_BOT_DLL="${TEAMSREVIEWBOT_BENCH_BOT_DLL:-$PWD/bot/bin/Release/net10.0/TeamsReviewBot.dll}" \
    TEAMSREVIEWBOT_BENCH_PROBE_DLL="$PWD/bench/Probe/bin/Release/net10.0/TeamsReviewBot.Bench.Probe.dll" \
      dotnet bench/bin/Release/net10.0/TeamsReviewBot.Bench.dll "${1:-clicks}"
    ;;
  formread)
    dotnet run -c Release --project bench -- formread "${2:-1000}"
    ;;
  mailbody)
    dotnet run -c Release --project bench -- mailbody "${2:-50}"
    ;;
  azurite)
    start_own_azurite
    TEAMSREVIEWBOT_BENCH_STORAGE=$(azurite_connection_string "$table_port" "$queue_port") \
      dotnet run -c Release --project bench -- azurite ${2:+"$2"}
    ;;
  catchup)
    start_own_azurite
    TEAMSREVIEWBOT_BENCH_STORAGE=$(azurite_connection_string "$table_port" "$queue_port") \
      dotnet run -c Release --project bench -- "${2:-1000}" catchup ${3:+"$3"}
    ;;
  *)
    start_own_azurite
    TEAMSREVIEWBOT_BENCH_STORAGE=$(azurite_connection_string "$table_port" "$queue_port") \
      dotnet run -c Release --project bench -- "${1:-300}" ${2:+"$2"}
    ;;
esac
