// TeamsReviewBot for one partnership and environment, deployed into one resource group:
//   az deployment group create -g <rg> -f infra/main.bicep -p infra/parameters/<env>.bicepparam
// docs/deploy.md walks through it from an empty subscription to a working bot.

targetScope = 'resourceGroup'

@description('The partnership whose playbook the bot runs (bot/playbooks/<name>.json).')
@allowed([
  'oldham'
  'tameside'
  'salford'
  'west-midlands'
  'gloucestershire'
])
param partnership string

@description('Short environment name, used in resource names.')
@allowed([
  'dev'
  'prod'
])
param environmentName string

param location string = resourceGroup().location

@description('SingleTenant: an app registration in this tenant is the bot, authenticating with a federated credential from the managed identity (no secret); needed for the manifest\'s resource-specific consent. UserAssignedMSI: the managed identity is the bot. See docs/deploy.md.')
@allowed([
  'SingleTenant'
  'UserAssignedMSI'
])
param botAppType string

@description('Application (client) id of the single-tenant app registration; ignored for UserAssignedMSI.')
param botAppId string = ''

@description('F0 is free and covers the Teams channel; S1 only adds premium channels.')
@allowed([
  'F0'
  'S1'
])
param botSkuName string = 'F0'

@description('App Service plan SKU. Free and Shared tiers lack Always On, which the background timers need.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
  'P3v3'
])
param appServicePlanSkuName string

@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSkuName string = 'Standard_LRS'

@minValue(30)
@maxValue(730)
param logRetentionInDays int = 90

@secure()
@description('Shared secret Graph echoes back in every change notification (at most 128 characters). Set it on the first deployment; when empty the secret already in Key Vault stays.')
param graphClientStateSecret string = ''

@secure()
@description('Key-encryption key sealing the child\'s details (32 random bytes, base64: openssl rand -base64 32). Set it on the first deployment; when empty the key already in Key Vault stays. Never change it while sealed details exist.')
param privacyKeyEncryptionKey string = ''

@description('Further app settings, e.g. the People and Agencies sections of docs/configuration.md flattened with "__". Keys here override the defaults.')
param additionalAppSettings object = {}

var namePrefix = 'trb-${partnership}-${environmentName}'
var suffix = uniqueString(resourceGroup().id, partnership, environmentName)
var webAppName = '${namePrefix}-${take(suffix, 6)}'
var tags = {
  application: 'TeamsReviewBot'
  partnership: partnership
  environment: environmentName
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: 'id-${namePrefix}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    namePrefix: namePrefix
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
  }
}

module network 'modules/network.bicep' = {
  name: 'network'
  params: {
    namePrefix: namePrefix
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: 'sttrb${suffix}'
    location: location
    tags: tags
    skuName: storageSkuName
    principalId: identity.outputs.principalId
    endpointSubnetId: network.outputs.endpointSubnetId
    tableZoneId: network.outputs.tableZoneId
    queueZoneId: network.outputs.queueZoneId
    blobZoneId: network.outputs.blobZoneId
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: 'kv-trb-${suffix}'
    location: location
    tags: tags
    principalId: identity.outputs.principalId
    graphClientStateSecret: graphClientStateSecret
    privacyKeyEncryptionKey: privacyKeyEncryptionKey
    endpointSubnetId: network.outputs.endpointSubnetId
    vaultZoneId: network.outputs.vaultZoneId
  }
}

var botAppIdEffective = botAppType == 'UserAssignedMSI'
  ? identity.outputs.clientId
  : (empty(botAppId) ? fail('botAppId is required when botAppType is SingleTenant') : botAppId)
var baseUrl = 'https://${webAppName}.azurewebsites.net'

// The configuration keys the service reads ("__" is ":" in ASP.NET Core configuration).
var appSettings = union(
  {
    AZURE_CLIENT_ID: identity.outputs.clientId // which managed identity Azure.Identity uses
    Storage__TableServiceUri: storage.outputs.tableServiceUri
    Storage__QueueServiceUri: storage.outputs.queueServiceUri
    Storage__BlobServiceUri: storage.outputs.blobServiceUri
    Bot__AppId: botAppIdEffective
    Bot__TenantId: tenant().tenantId
    Bot__AppType: botAppType
    Graph__BaseUrl: 'https://graph.microsoft.com/v1.0'
    Graph__NotificationUrl: '${baseUrl}/api/notifications'
    Graph__LifecycleNotificationUrl: '${baseUrl}/api/notifications/lifecycle'
    Graph__ClientStateSecret: '@Microsoft.KeyVault(SecretUri=${vault.outputs.graphClientStateSecretUri})'
    Privacy__KeyEncryptionKey: '@Microsoft.KeyVault(SecretUri=${vault.outputs.privacyKeySecretUri})'
    Partnership__Playbook: partnership
    APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
    // App Service's built-in Application Insights autoinstrumentation on Linux: requests and
    // dependency calls (Graph, Storage) without code in the service; manual instrumentation,
    // if the service adds it, takes precedence.
    ApplicationInsightsAgent_EXTENSION_VERSION: '~3'
  },
  additionalAppSettings
)

module web 'modules/webapp.bicep' = {
  name: 'webapp'
  params: {
    name: webAppName
    location: location
    tags: tags
    planSkuName: appServicePlanSkuName
    identityId: identity.outputs.id
    subnetId: network.outputs.appSubnetId
    appSettings: appSettings
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: 'bot-${namePrefix}-${take(suffix, 6)}'
    tags: tags
    skuName: botSkuName
    displayName: 'Rapid Review (${partnership})'
    endpoint: 'https://${web.outputs.hostName}/api/messages'
    appType: botAppType
    appId: botAppIdEffective
    tenantId: tenant().tenantId
    identityResourceId: identity.outputs.id
  }
}

output webAppName string = web.outputs.name
output botEndpointDomain string = web.outputs.hostName
output botAppId string = botAppIdEffective
output identityClientId string = identity.outputs.clientId
output identityPrincipalId string = identity.outputs.principalId
output tenantId string = tenant().tenantId
output keyVaultName string = vault.outputs.name
output storageAccountName string = storage.outputs.name
output botName string = bot.outputs.name
