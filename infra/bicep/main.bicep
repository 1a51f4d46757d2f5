// SelfReview in Azure, keyless: one resource group holding the storage account (uploads, records,
// reports, queues), the Event Grid wiring from uploads to the ingest queue, the Functions app on
// Flex Consumption with its user-assigned identity, Document Intelligence for scans, optional
// Azure OpenAI for summaries, and Application Insights. Deployed by `azd up` (azure.yaml).

targetScope = 'subscription'

@description('Name of the azd environment; names the resource group and seeds the unique resource names.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Azure region for every resource.')
@minLength(1)
param location string

@description('Object id of the person (or pipeline) deploying: granted Storage Blob Data Contributor to upload statements and read reports. azd passes the signed-in user; empty for none.')
param principalId string = ''

@description('Kind of principalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param principalType string = 'User'

@description('Document Intelligence pricing tier (F0 reads only the first 2 pages of a PDF).')
@allowed([
  'F0'
  'S0'
])
param documentIntelligenceSku string = 'S0'

@description('Deploy Azure OpenAI and let the app write model-made summaries.')
param enableOpenAi bool = false

@description('Region of the Azure OpenAI account (the chat model must be offered there).')
param openAiLocation string = location

@description('Chat model for summaries.')
param chatModelName string = 'gpt-4o-mini'

@description('Version of the chat model.')
param chatModelVersion string = '2024-07-18'

@description('Capacity of the chat deployment, in thousands of tokens per minute.')
@minValue(1)
param chatCapacity int = 10

@description('Most instances the Functions app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of one Functions instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Days a deleted or overwritten blob can be restored.')
@minValue(1)
@maxValue(365)
param blobRetentionDays int = 30

var tags = {
  'azd-env-name': environmentName
}
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))

// Storage layout (README, architecture): uploads, one record per upload, a unit's reports.
var statementsContainer = 'statements'
var deploymentContainer = 'app-package'
var deadLetterContainer = 'event-dead-letters'
var statementEventsQueue = 'statement-events'

resource resourceGroup 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: resourceGroup
  params: {
    name: 'id-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: resourceGroup
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
    appIdentityName: identity.outputs.name
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: resourceGroup
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    retentionDays: blobRetentionDays
    containerNames: [
      statementsContainer
      'records'
      'reports'
      'access'
      'tracking'
      deploymentContainer
      deadLetterContainer
    ]
    queueNames: [
      statementEventsQueue
      'unit-consolidation'
    ]
    appIdentityName: identity.outputs.name
    deployerPrincipalId: principalId
    deployerPrincipalType: principalType
  }
}

module eventGrid 'modules/event-grid.bicep' = {
  name: 'event-grid'
  scope: resourceGroup
  params: {
    name: 'evgt-${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
    sourceContainerName: statementsContainer
    queueName: statementEventsQueue
    deadLetterContainerName: deadLetterContainer
  }
}

module documentIntelligence 'modules/document-intelligence.bicep' = {
  name: 'document-intelligence'
  scope: resourceGroup
  params: {
    name: 'di-${resourceToken}'
    location: location
    tags: tags
    sku: documentIntelligenceSku
    appIdentityName: identity.outputs.name
  }
}

module openAi 'modules/openai.bicep' = if (enableOpenAi) {
  name: 'openai'
  scope: resourceGroup
  params: {
    name: 'oai-${resourceToken}'
    location: openAiLocation
    tags: tags
    deploymentName: 'summaries'
    modelName: chatModelName
    modelVersion: chatModelVersion
    capacity: chatCapacity
    appIdentityName: identity.outputs.name
  }
}

@description('Application (client) id of the Entra app registration people and systems sign in to (scripts/create-app-registration.sh makes it). Empty: no sign-in is configured and the API answers 401 to everyone but /api/health.')
param authClientId string = ''

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  scope: resourceGroup
  params: {
    name: 'func-${resourceToken}'
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    appIdentityName: identity.outputs.name
    appIdentityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageQueueEndpoint: storage.outputs.queueEndpoint
    deploymentContainerName: deploymentContainer
    documentIntelligenceEndpoint: documentIntelligence.outputs.endpoint
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    chatEndpoint: enableOpenAi ? openAi!.outputs.endpoint : ''
    chatDeployment: enableOpenAi ? openAi!.outputs.deploymentName : ''
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    authClientId: authClientId
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output DOCUMENT_INTELLIGENCE_ENDPOINT string = documentIntelligence.outputs.endpoint
output SELFREVIEW_API_URL string = 'https://${functionApp.outputs.defaultHostName}'
