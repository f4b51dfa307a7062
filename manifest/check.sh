#!/usr/bin/env bash
# Checks the Teams app: manifest against the official schema, icons against Teams' rules,
# icons reproducible from make_icons.py, and a package built with sample parameters holding
# exactly manifest.json + the two icons at its root, still valid. Run from anywhere.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
cd "$root"
fail() { echo "manifest/check.sh: FAILED: $*"; exit 1; }

[ -d node_modules/@microsoft/app-manifest ] || fail "node_modules/@microsoft/app-manifest missing: run 'npm ci' first"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

node manifest/validate.js manifest/manifest.json >"$tmp/validate.log" || { cat "$tmp/validate.log"; fail "manifest.json is not valid"; }
python3 manifest/check_icons.py manifest/color.png manifest/outline.png >"$tmp/icons.log" || { cat "$tmp/icons.log"; fail "icons break Teams' rules"; }

mkdir "$tmp/drawn"
python3 manifest/make_icons.py "$tmp/drawn" >/dev/null
for icon in color.png outline.png; do
  cmp -s "$tmp/drawn/$icon" "manifest/$icon" || fail "manifest/$icon differs from what make_icons.py draws: run python3 manifest/make_icons.py"
done

app_id="6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b"
domain="trb-sample-check.azurewebsites.net"
bash manifest/package.sh --app-id "$app_id" --bot-endpoint-domain "$domain" \
  --privacy-url https://example.org/privacy --terms-url https://example.org/terms --website-url https://example.org/ \
  --developer-name "Sample Partnership" --out "$tmp/app.zip" >"$tmp/package.log" 2>&1 || { cat "$tmp/package.log"; fail "packaging failed"; }

python3 - "$tmp/app.zip" "$tmp/unzipped" "$app_id" "$domain" <<'PY' || fail "package contents are wrong"
import json, sys, zipfile
path, dest, app_id, domain = sys.argv[1:]
with zipfile.ZipFile(path) as z:
    names = sorted(z.namelist())
    if names != ["color.png", "manifest.json", "outline.png"]:
        sys.exit(f"zip must hold exactly manifest.json, color.png, outline.png at its root; holds {names}")
    z.extractall(dest)
m = json.load(open(f"{dest}/manifest.json"))
checks = {
    "id": m["id"] == app_id,
    "bots[0].botId": m["bots"][0]["botId"] == app_id,
    "composeExtensions[0].botId": m["composeExtensions"][0]["botId"] == app_id,
    "webApplicationInfo.id": m["webApplicationInfo"]["id"] == app_id,
    "validDomains": m["validDomains"] == [domain],
    "webApplicationInfo.resource": m["webApplicationInfo"]["resource"] == f"api://{domain}/botid-{app_id}",
    "staticTabs[0].contentUrl": m["staticTabs"][0]["contentUrl"] == f"https://{domain}/board",
    "configurableTabs[0].configurationUrl": m["configurableTabs"][0]["configurationUrl"] == f"https://{domain}/board/configure",
    "developer.name": m["developer"]["name"] == "Sample Partnership",
}
wrong = [k for k, ok in checks.items() if not ok]
if wrong:
    sys.exit(f"packaged manifest did not take the parameters: {wrong}")
PY
node manifest/validate.js "$tmp/unzipped/manifest.json" >"$tmp/validate-packaged.log" || { cat "$tmp/validate-packaged.log"; fail "packaged manifest is not valid"; }
python3 manifest/check_icons.py "$tmp/unzipped/color.png" "$tmp/unzipped/outline.png" >/dev/null || fail "packaged icons break Teams' rules"
for icon in color.png outline.png; do
  cmp -s "$tmp/unzipped/$icon" "manifest/$icon" || fail "packaged $icon differs from manifest/$icon"
done

version="$(node -p 'require("./manifest/manifest.json").manifestVersion')"
echo "manifest/check.sh: OK (manifest valid on Teams schema v$version; icons 192x192 + 32x32 outline valid; package holds exactly manifest.json, color.png, outline.png and validates)"
