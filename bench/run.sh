#!/usr/bin/env bash
# Prints storage figures for a card click and a timer sweep against a private Azurite.
# Usage: bench/run.sh [rounds] [board|votes]   ("board": only the case board, no storage;
#   "votes": the vote path over HTTP beside a bare one-write endpoint, [rounds] requests per cell)
#        bench/run.sh catchup [n] [throttleEvery]   (n referrals, default 1,000, waiting in a Graph sandbox
#   mailbox when the bot starts; with throttleEvery, every Nth Graph call is answered 429)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_node_modules
table_port=$(free_port 10202)
queue_port=$(free_port $((table_port + 1)))
mkdir -p test-output
start_azurite "$table_port" "$queue_port" test-output/bench-azurite.log
trap 'kill $AZURITE_PID 2>/dev/null || true' EXIT
if [ "${1:-}" = "catchup" ]; then
  TEAMSREVIEWBOT_BENCH_STORAGE=$(azurite_connection_string "$table_port" "$queue_port") \
    dotnet run -c Release --project bench -- "${2:-1000}" catchup ${3:+"$3"}
  exit
fi
TEAMSREVIEWBOT_BENCH_STORAGE=$(azurite_connection_string "$table_port" "$queue_port") \
  dotnet run -c Release --project bench -- "${1:-300}" ${2:+"$2"}
