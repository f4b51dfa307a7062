#!/usr/bin/env bash
# Benchmarks, each against a private Azurite.
# Usage:
#   bench/run.sh [clicks]  the clicks of issue #21 over HTTP (refer, first/second/deciding vote, re-vote,
#                          refresh) against the bot in its own process (Release), beside a bare one-write
#                          endpoint, at 1, 10 and 50 clients, with the Graph sandbox and a stand-in Teams
#                          connector; checks, start-up, memory; writes docs/benchmarks.md (about 10 minutes)
#   bench/run.sh quick     the same, smaller (20 requests per cell, 300 cases); writes test-output only
#   bench/run.sh [rounds] [board|votes]   storage figures for a click and a timer sweep ("board": only
#                          the case board, no storage; "votes": the earlier in-process vote path)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_node_modules
mkdir -p test-output
pids=()
stop_all() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap stop_all EXIT

table_port=$(free_port 10202)
queue_port=$(free_port $((table_port + 1)))

case "${1:-clicks}" in
  clicks|quick)
    ensure_dotnet
    log "building the bot, the Graph sandbox and the benchmark (Release)"
    dotnet build -c Release --no-restore --nologo -v q bench/TeamsReviewBot.Bench.csproj
    dotnet build -c Release --no-restore --nologo -v q tests/GraphSandbox/GraphSandbox.csproj
    start_azurite "$table_port" "$queue_port" test-output/bench-azurite.log
    pids+=("$AZURITE_PID")
    graph_port=$(free_port 15080)
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
    TEAMSREVIEWBOT_BENCH_BOT_DLL="$PWD/bot/bin/Release/net10.0/TeamsReviewBot.dll" \
    TEAMSREVIEWBOT_BENCH_PROBE_DLL="$PWD/bench/Probe/bin/Release/net10.0/TeamsReviewBot.Bench.Probe.dll" \
      dotnet bench/bin/Release/net10.0/TeamsReviewBot.Bench.dll "${1:-clicks}"
    ;;
  *)
    start_azurite "$table_port" "$queue_port" test-output/bench-azurite.log
    pids+=("$AZURITE_PID")
    TEAMSREVIEWBOT_BENCH_STORAGE=$(azurite_connection_string "$table_port" "$queue_port") \
      dotnet run -c Release --project bench -- "${1:-300}" ${2:+"$2"}
    ;;
esac
