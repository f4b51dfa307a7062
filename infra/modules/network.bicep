// The private network the bot reaches its storage and Key Vault through: the web app's outbound
// traffic enters the VNet (regional VNet integration) and the storage account's table, queue and
// blob endpoints and the vault are private endpoints in it, resolved by private DNS zones. Storage
// and Key Vault then refuse every public network (publicNetworkAccess Disabled).

param namePrefix string
param location string
param tags object
@description('Address space of the VNet; the two /24 subnets are carved from its start.')
param addressPrefix string = '10.40.0.0/16'

var appSubnetPrefix = cidrSubnet(addressPrefix, 24, 0)
var endpointSubnetPrefix = cidrSubnet(addressPrefix, 24, 1)

// Private DNS zone names for Private Link (Azure public cloud names, from the environment where they vary).
var storageZones = {
  table: 'privatelink.table.${environment().suffixes.storage}'
  queue: 'privatelink.queue.${environment().suffixes.storage}'
  blob: 'privatelink.blob.${environment().suffixes.storage}'
}
var vaultZone = 'privatelink.vaultcore.azure.net'

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-${namePrefix}'
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        addressPrefix
      ]
    }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: appSubnetPrefix
          delegations: [
            {
              name: 'web'
              properties: {
                serviceName: 'Microsoft.Web/serverFarms'
              }
            }
          ]
        }
      }
      {
        name: 'private-endpoints'
        properties: {
          addressPrefix: endpointSubnetPrefix
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
    ]
  }
}

resource zones 'Microsoft.Network/privateDnsZones@2024-06-01' = [
  for zone in concat(items(storageZones), [{ key: 'vault', value: vaultZone }]): {
    name: zone.value
    location: 'global'
    tags: tags
  }
]

resource zoneLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [
  for (zone, i) in concat(items(storageZones), [{ key: 'vault', value: vaultZone }]): {
    parent: zones[i]
    name: 'link-${vnet.name}'
    location: 'global'
    tags: tags
    properties: {
      registrationEnabled: false
      virtualNetwork: {
        id: vnet.id
      }
    }
  }
]

output appSubnetId string = vnet.properties.subnets[0].id
output endpointSubnetId string = vnet.properties.subnets[1].id
output tableZoneId string = zones[0].id
output queueZoneId string = zones[1].id
output blobZoneId string = zones[2].id
output vaultZoneId string = zones[3].id
