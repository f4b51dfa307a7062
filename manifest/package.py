#!/usr/bin/env python3
"""Writes the Teams app package (the zip a Teams admin uploads) for one deployment.

Fills the app id and the bot's endpoint domain into manifest.json, together with the
partnership's own developer, website, privacy and terms details, and zips it with the
two icons at the root. Standard library only. Run it through manifest/package.sh.
"""
import argparse
import json
import os
import re
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
HOST = re.compile(r"^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$")
FIXED_TIME = (2026, 1, 1, 0, 0, 0)  # same bytes for the same inputs


def https_url(value):
    if not re.match(r"^https://[^\s/]+", value):
        raise argparse.ArgumentTypeError(f"{value!r} is not an https:// URL")
    return value


def guid(value):
    if not GUID.match(value):
        raise argparse.ArgumentTypeError(f"{value!r} is not a GUID")
    return value.lower()


def host(value):
    if not HOST.match(value):
        raise argparse.ArgumentTypeError(f"{value!r} is not a host name (no scheme, port or path)")
    return value.lower()


def parse_args():
    p = argparse.ArgumentParser(prog="manifest/package.sh", description=__doc__.splitlines()[0])
    p.add_argument("--app-id", required=True, type=guid,
                   help="the bot's Microsoft App ID: the managed identity's client id or the app registration id")
    p.add_argument("--bot-endpoint-domain", required=True, type=host,
                   help="host name of the web app, e.g. trb-oldham-prod-abc123.azurewebsites.net")
    p.add_argument("--privacy-url", required=True, type=https_url,
                   help="the partnership's privacy notice covering this bot")
    p.add_argument("--terms-url", required=True, type=https_url,
                   help="the partnership's terms of use for this bot")
    p.add_argument("--website-url", required=True, type=https_url,
                   help="where users get support: the partnership's page for this bot")
    p.add_argument("--developer-name", default=None,
                   help="who publishes the app in this tenant, e.g. the partnership (max 32 characters)")
    p.add_argument("--version", default=None, help="app version (semver); raise it for every re-upload")
    p.add_argument("--out", default="teamsreviewbot.zip", help="zip to write (default: teamsreviewbot.zip)")
    return p.parse_args()


def build_manifest(args):
    with open(os.path.join(HERE, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    manifest["id"] = args.app_id
    manifest["bots"][0]["botId"] = args.app_id
    for extension in manifest.get("composeExtensions", []):
        extension["botId"] = args.app_id
    # Teams SSO for the tabs asks Entra for the app's Application ID URI on the tab's domain.
    manifest["webApplicationInfo"] = {"id": args.app_id, "resource": f"api://{args.bot_endpoint_domain}/botid-{args.app_id}"}
    manifest["validDomains"] = [args.bot_endpoint_domain]
    base = f"https://{args.bot_endpoint_domain}"
    for tab in manifest.get("staticTabs", []):
        tab["contentUrl"], tab["websiteUrl"] = base + "/board", base + "/board"
    for tab in manifest.get("configurableTabs", []):
        tab["configurationUrl"] = base + "/board/configure"
    # The Outlook add-in's pages and icons are served by the bot: point them at its host.
    sample = "https://trb-sample.azurewebsites.net/"
    manifest["extensions"] = json.loads(json.dumps(manifest.get("extensions", [])).replace(sample, f"https://{args.bot_endpoint_domain}/"))
    developer = manifest["developer"]
    developer["websiteUrl"], developer["privacyUrl"], developer["termsOfUseUrl"] = (
        args.website_url, args.privacy_url, args.terms_url)
    if args.developer_name:
        if len(args.developer_name) > 32:
            sys.exit("--developer-name must be at most 32 characters")
        developer["name"] = args.developer_name
    if args.version:
        manifest["version"] = args.version
    return manifest


def write_zip(manifest, out):
    entries = [("manifest.json", (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))]
    for icon in (manifest["icons"]["color"], manifest["icons"]["outline"]):
        with open(os.path.join(HERE, icon), "rb") as f:
            entries.append((icon, f.read()))
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:  # at the root of the zip: Teams looks there
            z.writestr(zipfile.ZipInfo(name, FIXED_TIME), data, zipfile.ZIP_DEFLATED)


def main():
    args = parse_args()
    manifest = build_manifest(args)
    write_zip(manifest, args.out)
    print(f"wrote {args.out}: app id {args.app_id}, endpoint https://{args.bot_endpoint_domain}/api/messages")


if __name__ == "__main__":
    main()
