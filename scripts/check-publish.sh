#!/usr/bin/env bash
# Publishes the Functions app as it is deployed (Release, framework-dependent) and checks that the
# package holds what the Functions host loads: the worker assembly, functions.metadata listing the
# app's functions, host.json, worker.config.json and the host extensions bundle (.azurefunctions).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

out=artifacts/publish
rm -rf "$out"
dotnet publish functions/SelfReview.Functions -c Release -o "$out" -nologo -v quiet

fail() { echo "check-publish: $*" >&2; exit 1; }
for file in SelfReview.Functions.dll functions.metadata host.json worker.config.json extensions.json; do
  [ -s "$out/$file" ] || fail "$file is missing from $out"
done
[ -d "$out/.azurefunctions" ] || fail ".azurefunctions (the host extensions) is missing from $out"
for function in IngestStatement ConsolidateUnit UploadStatement ListStatements GetStatement GetUnitSummary GetRectifications ListReports GetReport ListUnits CheckHealth GetWebPage; do
  grep -q "\"name\": \"$function\"" "$out/functions.metadata" || fail "functions.metadata does not list $function"
done
grep -q 'AzureStorageQueues' "$out/extensions.json" || fail "extensions.json does not load the Storage Queues extension"
# PP-OCR: the models beside the app (copied from tools/ocr-models) and the native runtimes it loads.
for file in ocr-models/ch_PP-OCRv4_det_infer.onnx ocr-models/ch_PP-OCRv4_rec_infer.onnx ocr-models/ppocr_keys_v1.txt ocr-models/NOTICE.md; do
  [ -s "$out/$file" ] || fail "$file is missing from $out (run scripts/setup.sh for the models)"
done
# The publish targets linux-x64 (ReadyToRun), so the native libraries land beside the worker; a portable
# publish would keep them under runtimes/linux-x64/native. Either is what the loader finds.
for lib in libonnxruntime.so libSkiaSharp.so; do
  [ -s "$out/$lib" ] || [ -s "$out/runtimes/linux-x64/native/$lib" ] || fail "$lib is missing from $out"
done
echo "check-publish: $out holds the worker, functions.metadata (every function checked above listed), host.json and the extensions"

# selfreview as one self-contained file for the office's computer (publish profiles of SelfReview.Cli):
# win-x64 and linux-x64; the linux one is run by SingleFileServeTests without an SDK on the path.
for rid in linux-x64 win-x64; do
  dotnet publish functions/SelfReview.Cli/SelfReview.Cli.csproj -p:PublishProfile=$rid -nologo -v quiet
done
[ -x artifacts/selfreview-linux-x64/selfreview ] || fail "artifacts/selfreview-linux-x64/selfreview is missing"
[ -s artifacts/selfreview-win-x64/selfreview.exe ] || fail "artifacts/selfreview-win-x64/selfreview.exe is missing"
echo "check-publish: single-file selfreview for linux-x64 and win-x64 in artifacts/selfreview-*/"
