#!/usr/bin/env bash
# The performance run: builds Release, generates the benchmark corpus once (seed 1), prints the
# `selfreview bench` table, then times `selfreview process` on the same files as a fresh process
# (startup and JIT included). Run it on a quiet machine: it prints the load average.
#   bash scripts/bench.sh [files=1000] [statements=10000]
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
