// Azure AI Document Intelligence reads scanned statements (prebuilt-layout). Local (key) auth is
// disabled, so the custom subdomain is required: Entra tokens are accepted only on it.

@description('Name of the Document Intelligence account; also its custom subdomain.')
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Pricing tier: F0 (free, one per subscription, 2 pages per PDF) or S0.')
@allowed([
  'F0'
  'S0'
])
param sku string

@description('Name of the user-assigned identity the Functions app runs as.')
param appIdentityName string

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: appIdentityName
}

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'FormRecognizer'
  sku: {
    name: sku
  }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

resource appCognitiveServicesUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, appIdentity.id, 'a97b65f3-24c7-4388-baec-2e87135dc908')
  scope: account
  properties: {
    // Cognitive Services User
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'a97b65f3-24c7-4388-baec-2e87135dc908')
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

output name string = account.name
output endpoint string = account.properties.endpoint
