#!/usr/bin/env bash
# Builds and lints the Bicep templates (infra/bicep) with the bicep CLI from the NuGet package
# Azure.Bicep.CommandLine.linux-x64 (version in Directory.Packages.props), and fails on any warning
# or error. Bicep reports type errors (BCP037, BCP036 …) as warnings and still exits 0, so the
# diagnostics are counted here. Writes the compiled ARM template to OUT_DIR/main.json and the
# parameters to OUT_DIR/main.parameters.json.
#
#   bash scripts/check-infra.sh [OUT_DIR]      (default artifacts/infra)
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

out_dir=${1:-artifacts/infra}
mkdir -p "$out_dir"
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# The tool project restores the package into the NuGet cache; its build props name the binary.
if ! dotnet restore infra/tools/BicepTool.csproj -nologo -v quiet >"$log" 2>&1; then
  cat "$log" >&2
  echo "infra: could not restore the bicep CLI (infra/tools/BicepTool.csproj)" >&2
  exit 1
fi
bicep=$(dotnet msbuild infra/tools/BicepTool.csproj -nologo -getProperty:BicepPath 2>/dev/null | tail -n 1)
if [ -z "$bicep" ] || [ ! -f "$bicep" ]; then
  echo "infra: bicep CLI not found after restore (BicepPath='${bicep}')" >&2
  exit 1
fi
# NuGet does not always keep the executable bit of files it extracts.
[ -x "$bicep" ] || chmod +x "$bicep"
"$bicep" --version

failed=0
run() {
  echo "infra: bicep $*"
  "$bicep" "$@" >>"$log" 2>&1 || failed=1
}
: >"$log"
run build infra/bicep/main.bicep --outfile "$out_dir/main.json"
run build-params infra/bicep/main.bicepparam --outfile "$out_dir/main.parameters.json"
# Every module (even one main.bicep does not reference) and every parameters file.
run lint --pattern 'infra/bicep/**/*.bicep*'

# A module's diagnostics appear once per command that reaches it: count each once.
diagnostics=$(grep -E ': (Warning|Error) ' "$log" | sort -u)
count=0
[ -n "$diagnostics" ] && count=$(wc -l <<<"$diagnostics")
[ -n "$diagnostics" ] && echo "$diagnostics"
if [ "$failed" -ne 0 ] && [ "$count" -eq 0 ]; then
  cat "$log"
  echo "infra: bicep failed"
  exit 1
fi
echo "infra: ${count} warnings"
[ "$count" -eq 0 ] && [ "$failed" -eq 0 ] && [ -s "$out_dir/main.json" ]
