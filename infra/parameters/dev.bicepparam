// A test deployment: smallest plan that keeps Always On, local-redundant storage.
// The clientState secret comes from the environment on the first deployment (docs/deploy.md).
using '../main.bicep'

param partnership = 'oldham'
param environmentName = 'dev'
param botAppType = 'UserAssignedMSI'
param botSkuName = 'F0'
param appServicePlanSkuName = 'B1'
param storageSkuName = 'Standard_LRS'
param logRetentionInDays = 30
param graphClientStateSecret = readEnvironmentVariable('TRB_GRAPH_CLIENT_STATE', '')
