#!/usr/bin/env bash
# Writes the Teams app package for one deployment, then validates the packaged manifest
# against the official schema when the repo's node tools are installed (npm ci).
# Usage: manifest/package.sh --app-id <guid> --bot-endpoint-domain <host> --privacy-url <url>
#          --terms-url <url> --website-url <url> [--developer-name <name>] [--version <semver>] [--out file.zip]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"

python3 "$here/package.py" "$@"

# Find --out (default as in package.py) to validate what was written.
out="teamsreviewbot.zip"
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[$i]}" in
    --help|-h) exit 0 ;;
    --out) out="${args[$((i + 1))]}" ;;
    --out=*) out="${args[$i]#--out=}" ;;
  esac
done

if [ ! -d "$root/node_modules/@microsoft/app-manifest" ]; then
  echo "package not schema-validated: run 'npm ci' in $root, then this script again" >&2
  exit 1
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$out" "$tmp"
(cd "$root" && node manifest/validate.js "$tmp/manifest.json" >/dev/null) || {
  (cd "$root" && node manifest/validate.js "$tmp/manifest.json") >&2 || true
  echo "package $out is NOT valid; fix the arguments above" >&2
  exit 1
}
echo "package $out: manifest valid against the official schema"
