// Parameters for `azd up`: azd sets AZURE_ENV_NAME, AZURE_LOCATION and AZURE_PRINCIPAL_ID from the
// azd environment; the SELFREVIEW_* ones are yours (`azd env set SELFREVIEW_ENABLE_OPENAI true`).
using './main.bicep'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'selfreview')
param location = readEnvironmentVariable('AZURE_LOCATION', 'swedencentral')
param principalId = readEnvironmentVariable('AZURE_PRINCIPAL_ID', '')
param principalType = readEnvironmentVariable('AZURE_PRINCIPAL_TYPE', 'User')
param documentIntelligenceSku = readEnvironmentVariable('SELFREVIEW_DOCUMENT_INTELLIGENCE_SKU', 'S0')
param enableOpenAi = bool(readEnvironmentVariable('SELFREVIEW_ENABLE_OPENAI', 'false'))
param openAiLocation = readEnvironmentVariable('SELFREVIEW_OPENAI_LOCATION', readEnvironmentVariable('AZURE_LOCATION', 'swedencentral'))
param authClientId = readEnvironmentVariable('SELFREVIEW_AUTH_CLIENT_ID', '')
