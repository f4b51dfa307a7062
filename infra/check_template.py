#!/usr/bin/env python3
"""Asserts the security and runtime settings of the compiled ARM template (infra/main.json
from `bicep build`), so a later edit cannot quietly drop one. Usage: check_template.py main.json
"""
import json
import sys

REQUIRED_APP_SETTINGS = [
    "AZURE_CLIENT_ID", "Storage__TableServiceUri", "Storage__QueueServiceUri", "Bot__AppId", "Bot__TenantId",
    "Bot__AppType", "Graph__BaseUrl", "Graph__NotificationUrl", "Graph__LifecycleNotificationUrl",
    "Graph__ClientStateSecret", "Partnership__Playbook", "APPLICATIONINSIGHTS_CONNECTION_STRING",
    "ApplicationInsightsAgent_EXTENSION_VERSION", "Storage__BlobServiceUri", "Privacy__KeyEncryptionKey",
]

# The private endpoints the app reaches its data through (Private Link group ids).
REQUIRED_PRIVATE_ENDPOINT_GROUPS = {"table", "queue", "blob", "vault"}


def resources(template):
    """Every resource, including those inside nested module deployments."""
    found = template.get("resources", [])
    found = found.values() if isinstance(found, dict) else found
    for r in found:
        yield r
        if r["type"] == "Microsoft.Resources/deployments":
            yield from resources(r["properties"]["template"])


def expect(errors, what, actual, wanted):
    if actual != wanted:
        errors.append(f"{what} is {actual!r}, expected {wanted!r}")


def main():
    text = open(sys.argv[1], encoding="utf-8").read()
    template = json.loads(text)
    by_type = {}
    for r in resources(template):
        by_type.setdefault(r["type"], []).append(r)
    errors = []
    missing = [t for t in (
        "Microsoft.ManagedIdentity/userAssignedIdentities", "Microsoft.BotService/botServices",
        "Microsoft.BotService/botServices/channels", "Microsoft.Web/serverfarms", "Microsoft.Web/sites",
        "Microsoft.Storage/storageAccounts", "Microsoft.Storage/storageAccounts/tableServices",
        "Microsoft.Storage/storageAccounts/queueServices", "Microsoft.KeyVault/vaults",
        "Microsoft.Insights/components", "Microsoft.Network/virtualNetworks", "Microsoft.Network/privateEndpoints",
        "Microsoft.Network/privateDnsZones", "Microsoft.Web/sites/basicPublishingCredentialsPolicies") if t not in by_type]
    if missing:
        errors.append(f"missing resource types: {missing}")
    else:
        site = by_type["Microsoft.Web/sites"][0]
        config = site["properties"]["siteConfig"]
        expect(errors, "web app httpsOnly", site["properties"]["httpsOnly"], True)
        expect(errors, "web app linuxFxVersion", config["linuxFxVersion"], "DOTNETCORE|10.0")
        expect(errors, "web app minTlsVersion", config["minTlsVersion"], "1.2")
        expect(errors, "web app ftpsState", config["ftpsState"], "Disabled")
        expect(errors, "web app healthCheckPath", config["healthCheckPath"], "/healthz")
        expect(errors, "web app identity", site["identity"]["type"], "UserAssigned")
        if "keyVaultReferenceIdentity" not in site["properties"]:
            errors.append("web app has no keyVaultReferenceIdentity: Key Vault references would not resolve")
        expect(errors, "web app routes all outbound traffic through the VNet (vnetRouteAllEnabled)", config.get("vnetRouteAllEnabled"), True)
        if not site["properties"].get("virtualNetworkSubnetId"):
            errors.append("web app has no virtualNetworkSubnetId: it cannot reach private storage and Key Vault")
        # Compiled names look like "[format('{0}/{1}', parameters('name'), 'scm')]".
        policies = {kind: p["properties"].get("allow")
                    for p in by_type["Microsoft.Web/sites/basicPublishingCredentialsPolicies"]
                    for kind in ("ftp", "scm") if f"'{kind}'" in p["name"] or p["name"].endswith("/" + kind)}
        for name in ("ftp", "scm"):
            if policies.get(name) is not False:
                errors.append(f"basic-auth publishing credentials for {name} are not disabled (allow must be false)")
        vault = by_type["Microsoft.KeyVault/vaults"][0]["properties"]
        expect(errors, "Key Vault RBAC authorisation", vault["enableRbacAuthorization"], True)
        expect(errors, "Key Vault purge protection", vault["enablePurgeProtection"], True)
        expect(errors, "Key Vault publicNetworkAccess", vault.get("publicNetworkAccess"), "Disabled")
        expect(errors, "Key Vault network default action", vault.get("networkAcls", {}).get("defaultAction"), "Deny")
        account = by_type["Microsoft.Storage/storageAccounts"][0]["properties"]
        expect(errors, "storage minimumTlsVersion", account["minimumTlsVersion"], "TLS1_2")
        expect(errors, "storage allowBlobPublicAccess", account["allowBlobPublicAccess"], False)
        expect(errors, "storage supportsHttpsTrafficOnly", account["supportsHttpsTrafficOnly"], True)
        expect(errors, "storage allowSharedKeyAccess", account.get("allowSharedKeyAccess"), False)
        expect(errors, "storage publicNetworkAccess", account.get("publicNetworkAccess"), "Disabled")
        expect(errors, "storage network default action", account.get("networkAcls", {}).get("defaultAction"), "Deny")
        expect(errors, "storage network rules bypass", account.get("networkAcls", {}).get("bypass"), "None")
        groups = set()
        for deployment in by_type.get("Microsoft.Resources/deployments", []):
            nested = deployment["properties"].get("template", {}).get("resources", [])
            nested = nested.values() if isinstance(nested, dict) else nested
            if any(r["type"] == "Microsoft.Network/privateEndpoints" for r in nested):
                groups.add(deployment["properties"].get("parameters", {}).get("groupId", {}).get("value"))
        if not REQUIRED_PRIVATE_ENDPOINT_GROUPS <= groups:
            errors.append(f"no private endpoint for {sorted(REQUIRED_PRIVATE_ENDPOINT_GROUPS - groups)}")
        channel = by_type["Microsoft.BotService/botServices/channels"][0]["properties"]
        expect(errors, "bot channel", channel["channelName"], "MsTeamsChannel")
        # Role ids may sit in template variables that the assignments index into.
        roles = text if "Microsoft.Authorization/roleAssignments" in by_type else ""
        for role, name in (("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Storage Table Data Contributor"),
                           ("974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Storage Queue Data Contributor"),
                           ("ba92f5b4-2d11-453d-a403-e96b0029c9fe", "Storage Blob Data Contributor"),
                           ("4633458b-17de-408a-b874-0445c86b69e6", "Key Vault Secrets User")):
            if role not in roles:
                errors.append(f"no {name} role assignment")
    for key in REQUIRED_APP_SETTINGS:
        if f"'{key}'" not in text and f'"{key}"' not in text:
            errors.append(f"app setting {key} is not set")
    for e in errors:
        print(e)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
