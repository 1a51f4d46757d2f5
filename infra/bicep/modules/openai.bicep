// Optional Azure OpenAI account with one chat deployment, for the per-statement and unit
// summaries. Local (key) auth disabled; the app calls it with its identity.

@description('Name of the Azure OpenAI account; also its custom subdomain.')
param name string

@description('Azure region (one where the chat model is offered).')
param location string

@description('Tags for every resource.')
param tags object

@description('Name of the chat deployment the app calls.')
param deploymentName string

@description('Chat model.')
param modelName string

@description('Version of the chat model.')
param modelVersion string

@description('Capacity of the deployment, in thousands of tokens per minute.')
@minValue(1)
param capacity int

@description('Name of the user-assigned identity the Functions app runs as.')
param appIdentityName string

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: appIdentityName
}

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

resource chat 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: account
  name: deploymentName
  sku: {
    name: 'GlobalStandard'
    capacity: capacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: modelName
      version: modelVersion
    }
  }
}

resource appOpenAiUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, appIdentity.id, '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd')
  scope: account
  properties: {
    // Cognitive Services OpenAI User
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd')
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

output name string = account.name
output endpoint string = account.properties.endpoint
output deploymentName string = chat.name
