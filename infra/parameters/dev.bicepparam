// A test deployment: smallest plan that keeps Always On, local-redundant storage.
// The partnership, the bot's app registration id and, on the first deployment, the clientState
// secret come from the environment: TRB_PARTNERSHIP, TRB_BOT_APP_ID, TRB_GRAPH_CLIENT_STATE
// (docs/deploy.md).
using '../main.bicep'

param partnership = readEnvironmentVariable('TRB_PARTNERSHIP')
param environmentName = 'dev'
param botAppType = 'SingleTenant'
param botAppId = readEnvironmentVariable('TRB_BOT_APP_ID', '')
param botSkuName = 'F0'
param appServicePlanSkuName = 'B1'
param storageSkuName = 'Standard_LRS'
param logRetentionInDays = 30
param graphClientStateSecret = readEnvironmentVariable('TRB_GRAPH_CLIENT_STATE', '')
param privacyKeyEncryptionKey = readEnvironmentVariable('TRB_PRIVACY_KEY', '')
