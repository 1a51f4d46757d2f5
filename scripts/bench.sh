#!/usr/bin/env bash
# The performance run: builds Release, generates the benchmark corpus once (seed 1), prints the
# `selfreview bench` table, then times `selfreview process` on the same files as a fresh process
# (startup and JIT included). Run it on a quiet machine: it prints the load average.
#   bash scripts/bench.sh [files=1000] [statements=10000]
# Then the fresh-process figures with the published single file (ReadyToRun, as users run it): one .docx with
# its reports against `selfreview --help` (phases), 308 distinct .docx as one process against pandoc per
# file, and the status listing of a 1,000-statement unit on Azurite (started here when installed).
# The precise tool for one stage at a time is BenchmarkDotNet:
#   dotnet run -c Release --project bench/SelfReview.Benchmarks -- --filter '*'
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

files=${1:-1000}
statements=${2:-10000}
corpus=${BENCH_CORPUS:-artifacts/bench-corpus}

dotnet build functions/SelfReview.Cli -c Release -nologo -v quiet
dotnet build tests/SelfReview.Fixtures -c Release -nologo -v quiet
if [ "$(find "$corpus" -maxdepth 1 -name '*.docx' 2>/dev/null | wc -l)" -lt "$statements" ]; then
  rm -rf "$corpus"
  dotnet tests/SelfReview.Fixtures/bin/Release/net10.0/SelfReview.Fixtures.dll generate --count "$statements" --out "$corpus" --seed 1
fi

command -v pandoc >/dev/null || echo "pandoc not installed: the peer comparison is skipped (Debian/Ubuntu: sudo apt-get install pandoc)"
selfreview="dotnet functions/SelfReview.Cli/bin/Release/net10.0/selfreview.dll"
$selfreview bench "$corpus" --files "$files"

# The first $files files as a folder of their own, processed by a new process, timed from outside.
subset=$(mktemp -d)
out=$(mktemp -d)
trap 'rm -rf "$subset" "$out"' EXIT
find "$(cd "$corpus" && pwd)" -maxdepth 1 -name '*.docx' | sort | sed -n "1,${files}p" | xargs -I{} ln -s {} "$subset"/
start=$(date +%s%N)
$selfreview process "$subset" --out "$out" --quiet >/dev/null
end=$(date +%s%N)
echo "selfreview process, $files files, a fresh process (startup and JIT included): $(( (end - start) / 1000000 )) ms wall; load average $(cut -d' ' -f1-3 /proc/loadavg)"

# The published tool: what `selfreview` is on the office's computer, the single self-contained file of the
# publish profile (ReadyToRun, not compressed). A fresh `process one.docx` of that file JIT-compiled 967 methods
# against about 3,600 for the same ReadyToRun assemblies framework-dependent or self-contained in a folder.
dotnet publish functions/SelfReview.Cli -p:PublishProfile=linux-x64 -nologo -v quiet
published=artifacts/selfreview-linux-x64/selfreview
$published bench seeds/000_2b906ff47b59dcbb.docx --startup --runs 5

batch=$(mktemp -d)
trap 'rm -rf "$subset" "$out" "$batch"' EXIT
find "$(cd "$corpus" && pwd)" -maxdepth 1 -name '*.docx' | sort | sed -n "1,308p" | xargs -I{} ln -s {} "$batch"/
$published bench "$batch" --batch

# The rollup of a county: 300 units of 40 statements made from the corpus, against reading their summaries.
$published bench "$corpus" --rollup --units 300 --members 40

azurite=tools/azurite/node_modules/azurite/dist/src/azurite.js
if [ -f "$azurite" ]; then
  port=$(( 20000 + RANDOM % 20000 ))  # a port of its own: other runs on this machine may have an emulator on 10000
  node "$azurite" --silent --skipApiVersionCheck --disableTelemetry --inMemoryPersistence --extentMemoryLimit 1024 \
    --blobHost 127.0.0.1 --blobPort "$port" --queueHost 127.0.0.1 --queuePort $((port + 1)) --tableHost 127.0.0.1 --tablePort $((port + 2)) >/dev/null 2>&1 &
  azurite_pid=$!
  trap 'kill $azurite_pid 2>/dev/null; rm -rf "$subset" "$out" "$batch"' EXIT
  for _ in $(seq 60); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.5; done
  key=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==  # Azurite's documented development key
  $published bench seeds/000_2b906ff47b59dcbb.docx --listing 1000 \
    --blob "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$port/devstoreaccount1;"
else
  echo "Azurite not installed (bash scripts/setup.sh): the listing figure is skipped"
fi
