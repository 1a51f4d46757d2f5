#!/usr/bin/env bash
# Fuzz the readers of uploads and the whole StatementProcessor path.
#   scripts/fuzz.sh [target|all] [seconds]      target: docx, pdf, image, text, processor (default all, 600 s)
#   scripts/fuzz.sh ci                          the bounded CI run: about 3 minutes over all targets
# Long runs use afl-fuzz on SharpFuzz-instrumented assemblies when FUZZ_ENGINE=afl (installs afl++ and the
# sharpfuzz tool); otherwise the harness's own supervised mutation loop. Findings land in
# tests/SelfReview.Fuzzing/Findings/<target>/ (CI: artifacts/fuzz/findings), to be committed with their fix;
# tests/SelfReview.Tests/Fuzzing/FuzzFindingsTests replays every one. Runs on one core (taskset), niced.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

target=${1:-all}
seconds=${2:-600}
findings=tests/SelfReview.Fuzzing/Findings
if [ "$target" = ci ]; then
  target=all seconds=${FUZZ_CI_SECONDS:-180} findings=artifacts/fuzz/findings
  rm -rf "$findings"
fi

if [ "${FUZZ_NO_BUILD:-0}" = 1 ]; then
  out=tests/SelfReview.Fuzzing/bin/Release/net10.0   # scripts/test.sh has just built the solution
else
  out=artifacts/fuzz/bin
  dotnet build tests/SelfReview.Fuzzing -c Release -nologo -v quiet -warnaserror -o "$out" >/dev/null
fi
one_core=(nice -n 10)
if command -v taskset >/dev/null; then one_core=(taskset -c "$(( $(nproc) - 1 ))" nice -n 10); fi

if [ "${FUZZ_ENGINE:-loop}" = afl ] && [ "$target" != all ]; then
  command -v afl-fuzz >/dev/null || apt-get install -y -qq afl++ >/dev/null
  command -v sharpfuzz >/dev/null || { dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0 >/dev/null; export PATH="$PATH:$HOME/.dotnet/tools"; }
  # Instrument the engine (the readers) and the parsers it hands bytes to; SharpFuzz rewrites them in place.
  for dll in SelfReview.Pipeline.dll UglyToad.PdfPig.Core.dll UglyToad.PdfPig.Tokenization.dll UglyToad.PdfPig.dll; do
    [ -f "$out/$dll.instrumented" ] || { sharpfuzz "$out/$dll" >/dev/null && touch "$out/$dll.instrumented"; }
  done
  work=artifacts/fuzz/afl/$target
  mkdir -p "$work"
  export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1
  "${one_core[@]}" timeout "$seconds" afl-fuzz -i "tests/SelfReview.Fuzzing/Corpus/$target" -o "$work" -t 10000 -m none \
    -- dotnet "$out/SelfReview.Fuzzing.dll" afl "$target" || true
  # afl-fuzz keeps crashes and hangs under its output folder; copy them where the replay test finds them.
  mkdir -p "$findings/$target"
  for f in "$work"/default/crashes/id:* "$work"/default/hangs/id:*; do
    [ -f "$f" ] && cp "$f" "$findings/$target/afl-$(sha256sum "$f" | cut -c1-16).bin"
  done
  grep -E 'execs_done|run_time|saved_crashes|saved_hangs' "$work/default/fuzzer_stats" || true
  exit 0
fi

"${one_core[@]}" dotnet "$out/SelfReview.Fuzzing.dll" run "$target" --seconds "$seconds" --findings "$findings" | grep -v '^STATS '
