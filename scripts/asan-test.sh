#!/usr/bin/env bash
# Runs the whole test suite built with AddressSanitizer, in its own build folder. Memory errors fail
# the run. Leak checking is off unless LEAKS=1: Foundation and XCTest leak on their own (see
# scripts/lsan.supp for the ones suppressed), which would fail every run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0"
export ASAN_OPTIONS="detect_leaks=${LEAKS:-0}:abort_on_error=0"
swift test --sanitize=address --scratch-path .build-asan "$@"
