// The identity the service runs as: it reaches Storage and Key Vault. With botAppType
// SingleTenant it is the federated credential the bot's app registration trusts; with
// UserAssignedMSI it is the bot's Microsoft App ID itself. No secrets either way.

param name string
param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
output tenantId string = identity.properties.tenantId
