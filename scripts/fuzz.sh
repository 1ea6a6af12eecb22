#!/usr/bin/env bash
# Builds one libFuzzer target with the library's sources (all its targets, compiled as one module) and runs it.
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
# The library's layers as one module: copies of their sources without the imports of each other
# (the layers' own build is SwiftPM's; libFuzzer wants one swiftc command).
layers="InterviewCore BuiltInAnalyzers SystemIO ScenarioXML AnalyzerPlugins Transcripts InterviewKit"
sources="$out/sources"
rm -rf "$sources" && mkdir -p "$sources"
for layer in $layers; do
  find "Sources/$layer" -name '*.swift' ! -path Sources/InterviewKit/InterviewKit.swift | while read -r file; do
    copy="$sources/$layer-$(echo "${file#Sources/$layer/}" | tr / -)"
    grep -v -E "^(@_exported |@testable )?import ($(echo $layers | tr ' ' '|'))\$" "$file" > "$copy"
  done
done
swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name InterviewKit \
  -I Sources/CLibXML2 -Xcc -I/usr/include/libxml2 -lxml2 \
  -package-name Rehearse "$sources"/*.swift Fuzz/FuzzSupport.swift "$source" -o "$binary"
dictionary=()
if [ -f "Fuzz/$target.dict" ]; then dictionary=(-dict="Fuzz/$target.dict"); fi
"$binary" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  "${dictionary[@]}" -artifact_prefix="$out/crashes/$target-" "$out/corpus/$target" "Fuzz/corpus/$target"
