// A test deployment: smallest plan that keeps Always On, local-redundant storage.
// The bot's app registration id and, on the first deployment, the clientState secret come from
// the environment (docs/deploy.md).
using '../main.bicep'

param partnership = 'oldham'
param environmentName = 'dev'
param botAppType = 'SingleTenant'
param botAppId = readEnvironmentVariable('TRB_BOT_APP_ID', '')
param botSkuName = 'F0'
param appServicePlanSkuName = 'B1'
param storageSkuName = 'Standard_LRS'
param logRetentionInDays = 30
param graphClientStateSecret = readEnvironmentVariable('TRB_GRAPH_CLIENT_STATE', '')
