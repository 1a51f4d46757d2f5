#!/usr/bin/env bash
# The one step Bicep cannot take here: the Entra ID app registration people and systems sign in to
# (the Microsoft Graph Bicep extension is fetched from a registry at build time, which check-infra.sh
# cannot reach). Run it once after the first `azd up`, then `azd provision` turns sign-in on.
# Needs `az login` as someone who may create app registrations. Creates no secret: browsers sign in
# with ID tokens, systems with their own credentials or managed identity.
set -euo pipefail
cd "$(dirname "$0")/.."

app_name=$(azd env get-value AZURE_FUNCTION_APP_NAME)
host=$(az functionapp show --name "$app_name" --resource-group "$(azd env get-value AZURE_RESOURCE_GROUP)" --query defaultHostName -o tsv)
env_name=$(azd env get-value AZURE_ENV_NAME 2>/dev/null || echo selfreview)

app_id=$(az ad app create \
  --display-name "SelfReview ($env_name)" \
  --sign-in-audience AzureADMyOrg \
  --app-roles @infra/entra/app-roles.json \
  --enable-id-token-issuance true \
  --web-redirect-uris "https://$host/.auth/login/aad/callback" \
  --query appId -o tsv)
# Tokens for api://{appId} (systems), group ids in tokens (group grants in the access map).
az ad app update --id "$app_id" --identifier-uris "api://$app_id" --set groupMembershipClaims=SecurityGroup
az ad sp create --id "$app_id" >/dev/null
azd env set SELFREVIEW_AUTH_CLIENT_ID "$app_id"
echo "app registration $app_id; now run: azd provision"
