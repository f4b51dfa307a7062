// The Azure Bot registration that Teams talks to, with the Microsoft Teams channel on.
// Identity is a user-assigned managed identity or a single-tenant app registration: new
// multi-tenant registrations are no longer allowed (docs/deploy.md).

param name string
param tags object
param skuName string
param displayName string
param endpoint string
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param appType string
param appId string
param tenantId string
@description('Resource id of the managed identity; used only when appType is UserAssignedMSI.')
param identityResourceId string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: skuName
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppType: appType
    msaAppId: appId
    msaAppTenantId: tenantId
    msaAppMSIResourceId: appType == 'UserAssignedMSI' ? identityResourceId : null
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

output name string = bot.name
