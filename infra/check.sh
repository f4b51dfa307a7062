#!/usr/bin/env bash
# Builds and lints the Bicep with the native Bicep CLI from NuGet (Azure.Bicep.CommandLine.linux-x64,
# fetched by infra/bicep-cli/bicep-cli.csproj) and fails on any warning or error, then checks the
# compiled template keeps its security and runtime settings. Run from anywhere.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
fail() { echo "infra/check.sh: FAILED: $*"; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

version="$(sed -n 's/.*Azure.Bicep.CommandLine.linux-x64" Version="\[\([0-9.]*\)\]".*/\1/p' bicep-cli/bicep-cli.csproj)"
[ -n "$version" ] || fail "no pinned Bicep CLI version in bicep-cli/bicep-cli.csproj"
dotnet restore bicep-cli/bicep-cli.csproj --nologo -v quiet >"$tmp/restore.log" 2>&1 || { cat "$tmp/restore.log"; fail "could not restore Azure.Bicep.CommandLine.linux-x64 $version"; }
packages="$(dotnet nuget locals global-packages --list | sed 's/^global-packages: *//')"
bicep="${packages%/}/azure.bicep.commandline.linux-x64/$version/tools/bicep"
[ -f "$bicep" ] || fail "Bicep CLI not found at $bicep"
[ -x "$bicep" ] || chmod +x "$bicep"

# Bicep reports type and linter findings as "Warning"/"Error" lines on stderr and may still exit 0.
run() {
  local what="$1"; shift
  if ! "$bicep" "$@" >"$tmp/out.log" 2>&1 || grep -qE '(Warning|Error) ' "$tmp/out.log"; then
    cat "$tmp/out.log"
    fail "$what"
  fi
}

run "bicep build main.bicep" build main.bicep --outfile "$tmp/main.json"
# The parameters files read the partnership from the environment (no silent default): use a sample.
export TRB_PARTNERSHIP=oldham
params=(parameters/*.bicepparam)
for p in "${params[@]}"; do
  run "bicep build-params $p" build-params "$p" --outfile "$tmp/$(basename "$p" .bicepparam).parameters.json"
done
# Linting main.bicep also lints every module it references (their findings surface there).
files=(main.bicep "${params[@]}")
for f in "${files[@]}"; do
  run "bicep lint $f" lint "$f"
done
python3 check_template.py "$tmp/main.json" >"$tmp/template.log" || { cat "$tmp/template.log"; fail "compiled template lost a required setting"; }

echo "infra/check.sh: OK (Bicep CLI $version: build main.bicep, build-params ${#params[@]} parameters files, lint ${#files[@]} files, no warnings; template settings checked)"
