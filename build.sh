#!/usr/bin/env bash
# MlNetEmotion build script, in the ML.NET style.
#   ./build.sh            build the solution (Release)
#   ./build.sh demo [..]  run the main job: the built-in demo experiment (extra args go to `mlnet-emotion demo`)
#   ./build.sh test       install what the tests need if missing, run the whole suite, print "N passed, N failed"
#   ./build.sh bench [..] run the timed benchmark harness (see docs/benchmarks.md)
#   ./build.sh fuzz [N] [seed]  feed N (default 100000) mutated fixtures through every file reader; print counts per
#                         format and outcome, save failing inputs under artifacts/fuzz (see docs/reliability.md)
#   ./build.sh pack       pack the NuGet packages and the dotnet tool into artifacts/packages
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
config=Release

install_test_prerequisites() {
  # ffmpeg decodes video and compressed audio; tests that read real clips need it.
  if ! command -v ffmpeg >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "Installing ffmpeg (Debian package 'ffmpeg')..."
      (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends ffmpeg) >/dev/null \
        || echo "warning: could not install ffmpeg; tests that need it will fail" >&2
    else
      echo "warning: ffmpeg is missing and cannot be installed (not root); tests that need it will fail" >&2
    fi
  fi
}

run_tests() {
  install_test_prerequisites
  local results=artifacts/test-results
  rm -rf "$results"
  dotnet build MlNetEmotion.sln -c "$config" -nologo -v q
  set +e
  dotnet test MlNetEmotion.sln -c "$config" --no-build --nologo -v q \
    --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results"
  local rc=$?
  set -e
  local passed=0 failed=0 files
  files=$(find "$results" -name '*.trx' 2>/dev/null || true)
  for f in $files; do
    local counters
    counters=$(grep -o '<Counters [^>]*>' "$f" | head -n 1)
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); passed=$((passed + ${p:-0}))
    fl=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters"); failed=$((failed + ${fl:-0}))
    e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters"); failed=$((failed + ${e:-0}))
  done
  if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi  # a crashed test host counts as a failure
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}

case "${1:-build}" in
  build) dotnet build MlNetEmotion.sln -c "$config" -nologo ;;
  demo)  shift; dotnet run --project samples/MlNetEmotion.Cli -c "$config" -- demo "$@" ;;
  test)  run_tests ;;
  bench) shift; dotnet run --project tests/MlNetEmotion.Benchmarks -c "$config" -- "$@" ;;
  fuzz)  shift; dotnet run --project tests/MlNetEmotion.Fuzz.Tests -c "$config" -- fuzz "$@" ;;
  pack)  dotnet pack MlNetEmotion.sln -c "$config" -o artifacts/packages -nologo ;;
  *) echo "usage: ./build.sh [build|demo|test|bench|fuzz|pack]" >&2; exit 2 ;;
esac
