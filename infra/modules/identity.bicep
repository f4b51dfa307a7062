// The one identity the service runs as: it reaches Storage and Key Vault, calls Graph and,
// with botAppType UserAssignedMSI, is also the bot's Microsoft App ID. No secrets involved.

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
