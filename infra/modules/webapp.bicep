// The bot's home: a Linux App Service plan and web app on .NET 10, HTTPS only, TLS 1.2+, FTP and
// basic-auth publishing (FTP and SCM) off, running as the user-assigned identity, with all outbound
// traffic through the VNet (so private storage and Key Vault are reached), and the settings the
// service reads.

param name string
param location string
param tags object
param planSkuName string
param identityId string
@description('The VNet subnet (delegated to Microsoft.Web/serverFarms) the app\'s outbound traffic goes through.')
param subnetId string
@description('Every app setting of the site. A deployment replaces them all, so anything set by hand in the portal is lost: put it in the parameters file.')
param appSettings object

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-${name}'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: planSkuName
  }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false // any instance can serve any request
    keyVaultReferenceIdentity: identityId // resolve @Microsoft.KeyVault(...) settings as this identity
    virtualNetworkSubnetId: subnetId
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      alwaysOn: true // timers and subscription renewal run in the background
      healthCheckPath: '/healthz'
      vnetRouteAllEnabled: true // storage and Key Vault are reachable only through the VNet
      appSettings: [for setting in items(appSettings): { name: setting.key, value: setting.value }]
    }
  }
}

resource ftp 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

// Deployment (Kudu/SCM) only with Entra ID, never a publishing user name and password.
resource scm 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

output name string = site.name
output hostName string = site.properties.defaultHostName
