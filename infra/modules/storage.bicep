// Table Storage for case event streams, timers and conversation references, queues for background
// work, and Blob Storage for large payloads and sealed details. Reached only with Entra ID (no
// account keys), over TLS 1.2+, and only through private endpoints: public network access is off.

param name string
param location string
param tags object
param skuName string
@description('Principal (object) id of the managed identity that reads and writes tables, queues and blobs.')
param principalId string
@description('Blob container for large payloads: the app\'s Storage:TablePrefix (default "rr") followed by "-payloads".')
param payloadContainerName string = 'rr-payloads'
param endpointSubnetId string
param tableZoneId string
param queueZoneId string
param blobZoneId string

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    accessTier: 'Hot'
    publicNetworkAccess: 'Disabled'
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'None'
      ipRules: []
      virtualNetworkRules: []
    }
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource payloads 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: payloadContainerName
  properties: {
    publicAccess: 'None'
  }
}

// One private endpoint per service the app uses (declared one by one so each group id is a literal
// that infra/check_template.py can read).
module tableEndpoint 'private-endpoint.bicep' = {
  name: 'pe-table-${name}'
  params: {
    name: 'pe-${name}-table'
    location: location
    tags: tags
    subnetId: endpointSubnetId
    resourceId: account.id
    groupId: 'table'
    dnsZoneId: tableZoneId
  }
}

module queueEndpoint 'private-endpoint.bicep' = {
  name: 'pe-queue-${name}'
  params: {
    name: 'pe-${name}-queue'
    location: location
    tags: tags
    subnetId: endpointSubnetId
    resourceId: account.id
    groupId: 'queue'
    dnsZoneId: queueZoneId
  }
}

module blobEndpoint 'private-endpoint.bicep' = {
  name: 'pe-blob-${name}'
  params: {
    name: 'pe-${name}-blob'
    location: location
    tags: tags
    subnetId: endpointSubnetId
    resourceId: account.id
    groupId: 'blob'
    dnsZoneId: blobZoneId
  }
}

// Built-in role ids: Storage Table Data Contributor, Storage Queue Data Contributor, Storage Blob Data Contributor.
var dataRoles = [
  '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
]

resource dataAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in dataRoles: {
    name: guid(account.id, principalId, roleId)
    scope: account
    properties: {
      principalId: principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    }
  }
]

output name string = account.name
output tableServiceUri string = account.properties.primaryEndpoints.table
output queueServiceUri string = account.properties.primaryEndpoints.queue
output blobServiceUri string = account.properties.primaryEndpoints.blob
