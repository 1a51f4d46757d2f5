// The one identity the Functions app runs as: user-assigned, so its principal exists (and can be
// granted roles) before the app does, and so every client in the app names it by client id.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output name string = identity.name
output id string = identity.id
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId
