// Key Vault for the service's secrets, authorised by Azure RBAC, with purge protection so a
// deleted secret cannot be destroyed before its retention ends, reached only through its private
// endpoint (App Service resolves Key Vault references through the VNet).

param name string
param location string
param tags object
@description('Principal (object) id of the managed identity that reads the secrets.')
param principalId string
@secure()
@description('Graph clientState secret. Empty leaves the stored secret as it is (set it on the first deployment).')
param graphClientStateSecret string
@secure()
@description('Key-encryption key that seals each case\'s child\'s details: 32 random bytes in base64 (openssl rand -base64 32). Empty leaves the stored key as it is (set it on the first deployment; never change it while sealed details exist).')
param privacyKeyEncryptionKey string
param endpointSubnetId string
param vaultZoneId string

var graphClientStateSecretName = 'graph-client-state'
var privacyKeySecretName = 'privacy-key-encryption-key'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Disabled'
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'None'
      ipRules: []
      virtualNetworkRules: []
    }
  }
}

module privateEndpoint 'private-endpoint.bicep' = {
  name: 'pe-vault-${name}'
  params: {
    name: 'pe-${name}-vault'
    location: location
    tags: tags
    subnetId: endpointSubnetId
    resourceId: vault.id
    groupId: 'vault'
    dnsZoneId: vaultZoneId
  }
}

resource privacyKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(privacyKeyEncryptionKey)) {
  parent: vault
  name: privacyKeySecretName
  properties: {
    value: privacyKeyEncryptionKey
    contentType: 'AES-256 key-encryption key for sealed child details (base64)'
  }
}

resource clientStateSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(graphClientStateSecret)) {
  parent: vault
  name: graphClientStateSecretName
  properties: {
    value: graphClientStateSecret
    contentType: 'Graph change notification clientState (max 128 characters)'
  }
}

// Built-in role: Key Vault Secrets User (read secret values).
resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, '4633458b-17de-408a-b874-0445c86b69e6')
  scope: vault
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
  }
}

output name string = vault.name
// Versionless, so App Service picks up a rotated secret without a redeployment.
output graphClientStateSecretUri string = '${vault.properties.vaultUri}secrets/${graphClientStateSecretName}'
output privacyKeySecretUri string = '${vault.properties.vaultUri}secrets/${privacyKeySecretName}'
