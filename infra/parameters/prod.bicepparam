// Production: zone-redundant storage (case event streams are the audit trail) and a
// Premium v3 plan. The partnership, the bot's app registration id and, on the first deployment,
// the clientState secret come from the environment: TRB_PARTNERSHIP, TRB_BOT_APP_ID,
// TRB_GRAPH_CLIENT_STATE and TRB_PRIVACY_KEY (docs/deploy.md).
using '../main.bicep'

param partnership = readEnvironmentVariable('TRB_PARTNERSHIP')
param environmentName = 'prod'
param botAppType = 'SingleTenant'
param botAppId = readEnvironmentVariable('TRB_BOT_APP_ID', '')
param botSkuName = 'F0'
param appServicePlanSkuName = 'P0v3'
param storageSkuName = 'Standard_ZRS'
param logRetentionInDays = 365
param graphClientStateSecret = readEnvironmentVariable('TRB_GRAPH_CLIENT_STATE', '')
param privacyKeyEncryptionKey = readEnvironmentVariable('TRB_PRIVACY_KEY', '')
