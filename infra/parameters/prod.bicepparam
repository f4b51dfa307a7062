// Production: zone-redundant storage (case event streams are the audit trail) and a
// Premium v3 plan. Set partnership to yours; the bot's app registration id and, on the first
// deployment, the clientState secret come from the environment (docs/deploy.md).
using '../main.bicep'

param partnership = 'oldham'
param environmentName = 'prod'
param botAppType = 'SingleTenant'
param botAppId = readEnvironmentVariable('TRB_BOT_APP_ID', '')
param botSkuName = 'F0'
param appServicePlanSkuName = 'P0v3'
param storageSkuName = 'Standard_ZRS'
param logRetentionInDays = 365
param graphClientStateSecret = readEnvironmentVariable('TRB_GRAPH_CLIENT_STATE', '')
