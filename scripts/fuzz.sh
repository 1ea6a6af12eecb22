#!/usr/bin/env bash
# Builds one libFuzzer target with InterviewKit's sources and runs it.
#   scripts/fuzz.sh TARGET SECONDS      TARGET: scenario-loader, condition-parser, transcript-reader, analyzers
# Seeds come from Fuzz/corpus/TARGET (committed), with Fuzz/TARGET.dict as the dictionary where there is one; new inputs go to .build-fuzz/corpus/TARGET; a crash
# is written to .build-fuzz/crashes/ and the script exits non-zero. Keep each crashing input as a
# regression test (Tests/Fixtures/fuzz/TARGET/) once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh TARGET SECONDS}
seconds=${2:?usage: scripts/fuzz.sh TARGET SECONDS}
case "$target" in
  scenario-loader) source=Fuzz/FuzzScenarioLoader.swift ;;
  condition-parser) source=Fuzz/FuzzConditionParser.swift ;;
  transcript-reader) source=Fuzz/FuzzTranscriptReader.swift ;;
  analyzers) source=Fuzz/FuzzAnalyzers.swift ;;
  *) echo "fuzz.sh: unknown target '$target' (scenario-loader, condition-parser, transcript-reader, analyzers)" >&2; exit 64 ;;
esac
scripts/bootstrap
out=.build-fuzz
mkdir -p "$out/bin" "$out/corpus/$target" "$out/crashes"
binary="$out/bin/$target"
swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name InterviewKit \
  -I Sources/CLibXML2 -Xcc -I/usr/include/libxml2 -lxml2 \
  -package-name Rehearse $(find Sources/InterviewKit -name '*.swift') Fuzz/FuzzSupport.swift "$source" -o "$binary"
dictionary=()
if [ -f "Fuzz/$target.dict" ]; then dictionary=(-dict="Fuzz/$target.dict"); fi
"$binary" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  "${dictionary[@]}" -artifact_prefix="$out/crashes/$target-" "$out/corpus/$target" "Fuzz/corpus/$target"
