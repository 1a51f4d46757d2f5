// The Functions app on the Flex Consumption plan (FC1), .NET 10 isolated worker. It runs as the
// user-assigned identity and reaches everything with it: the deployment package, the host's
// storage, the app's storage, Document Intelligence, Azure OpenAI and Application Insights.
// No setting holds a key, a SAS or a storage connection string.

@description('Name of the function app.')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Name of the user-assigned identity the app runs as.')
param appIdentityName string

@description('Client id of that identity (every identity-based connection names it).')
param appIdentityClientId string

@description('Name of the storage account (host storage, app storage, deployment package).')
param storageAccountName string

@description('Blob endpoint of the storage account, with its trailing slash.')
param storageBlobEndpoint string

@description('Queue endpoint of the storage account, with its trailing slash.')
param storageQueueEndpoint string

@description('Container holding the deployment package.')
param deploymentContainerName string

@description('Endpoint of the Document Intelligence account.')
param documentIntelligenceEndpoint string

@description('Application Insights connection string (ingestion endpoint and component id, no key use: local auth is disabled).')
param applicationInsightsConnectionString string

@description('Azure OpenAI endpoint for summaries; empty when Azure OpenAI is not deployed.')
param chatEndpoint string

@description('Azure OpenAI chat deployment for summaries; empty when Azure OpenAI is not deployed.')
param chatDeployment string

@description('Most instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory of one instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Application (client) id of the Entra app registration for sign-in; empty: no App Service authentication (every route but /api/health answers 401).')
param authClientId string

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: appIdentityName
}

// The names the app binds (infra/app-settings.json lists them; a test keeps the two equal).
// Worker runtime and version are not settings on Flex Consumption: functionAppConfig.runtime holds them.
var appSettings = {
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: appIdentityClientId
  SelfReviewStorage__blobServiceUri: storageBlobEndpoint
  SelfReviewStorage__queueServiceUri: storageQueueEndpoint
  SelfReviewStorage__credential: 'managedidentity'
  SelfReviewStorage__clientId: appIdentityClientId
  Ocr__Engine: 'DocumentIntelligence'
  DocumentIntelligence__Endpoint: documentIntelligenceEndpoint
  DocumentIntelligence__ModelId: 'prebuilt-layout'
  DocumentIntelligence__ApiVersion: '2024-11-30'
  DocumentIntelligence__ClientId: appIdentityClientId
  Consolidation__DefaultDeadlineMonths: '3'
  Consolidation__DelaySeconds: '30'
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${appIdentityClientId};Authorization=AAD'
}

// Only with Azure OpenAI: without them the app writes its rule-based summaries.
var summariesSettings = {
  Summaries__ChatEndpoint: chatEndpoint
  Summaries__ChatDeployment: chatDeployment
  Summaries__ClientId: appIdentityClientId
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  // azd finds the app to deploy `functions` (azure.yaml) into by this tag.
  tags: union(tags, { 'azd-service-name': 'functions' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${appIdentity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: appIdentity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: union(appSettings, empty(chatEndpoint) ? {} : summariesSettings)
  }

  // No publishing with user names and passwords: deployments authenticate with Entra ID.
  resource ftpCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }

  resource scmCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName

// App Service authentication (Easy Auth) in front of the worker: nothing reaches the app without an
// Entra ID sign-in except /api/health. People sign in through the browser (OpenID Connect with ID
// tokens: no client secret exists, so none is stored anywhere); systems send an access token for
// api://{client id} from client credentials or a managed identity. The worker reads the principal from
// X-MS-CLIENT-PRINCIPAL and checks it against the unit-access map and the app roles
// (SelfReview.Admin, SelfReview.Read; infra/entra/app-roles.json).
resource auth 'Microsoft.Web/sites/config@2024-04-01' = if (!empty(authClientId)) {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'RedirectToLoginPage'
      redirectToProvider: 'azureactivedirectory'
      excludedPaths: [
        '/api/health'
      ]
    }
    httpSettings: {
      requireHttps: true
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: authClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            'api://${authClientId}'
            authClientId
          ]
        }
      }
    }
  }
}
