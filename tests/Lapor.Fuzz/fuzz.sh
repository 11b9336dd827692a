#!/usr/bin/env bash
# Fuzzes one target under afl-fuzz for a number of minutes:
#   tests/Lapor.Fuzz/fuzz.sh <bpmn|expression|report-json> <minutes>
# Needs afl-fuzz (Debian: apt-get install afl++). Output goes to tests/Lapor.Fuzz/findings/ (ignored by git):
# findings/<target>/default/{crashes,hangs,queue,fuzzer_stats}. Replay a saved input with the normal (uninstrumented)
# build, since the instrumented one expects afl's shared memory and fails outside afl-fuzz:
#   dotnet build tests/Lapor.Fuzz && dotnet tests/Lapor.Fuzz/bin/Debug/net10.0/Lapor.Fuzz.dll <target> <file>
set -euo pipefail

target=${1:?usage: fuzz.sh <bpmn|expression|report-json> <minutes>}
minutes=${2:?usage: fuzz.sh <target> <minutes>}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
findings="$here/findings"
publish="$findings/publish"

[ -d "$here/Corpus/$target" ] || { echo "no corpus for target '$target' in $here/Corpus" >&2; exit 2; }
command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install afl++" >&2; exit 2; }

# A fresh publish each time: instrumenting rewrites the assemblies in place and must not run twice on one file.
rm -rf "$publish"
dotnet publish "$here/Lapor.Fuzz.csproj" -c Release -o "$publish" -v quiet -nologo
(cd "$root" && dotnet tool restore >/dev/null)
# Only the product's assemblies get coverage probes: the harness, the runtime and third-party libraries stay as
# they are, so afl's map measures our readers rather than System.Text.Json or Jint internals.
for assembly in Lapor.Domain.dll Lapor.Workflows.dll Lapor.Host.dll; do
  (cd "$root" && dotnet sharpfuzz "$publish/$assembly")
done

rm -rf "$findings/$target"
# The dotnet binary itself carries no afl instrumentation (SharpFuzz reports coverage over afl's shared memory),
# and containers rarely let us set core_pattern or the CPU governor.
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1
afl-fuzz -i "$here/Corpus/$target" -o "$findings/$target" -m none -t 5000 -V $((minutes * 60)) \
  -- dotnet "$publish/Lapor.Fuzz.dll" "$target"

stats="$findings/$target/default/fuzzer_stats"
grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|bitmap_cvg|stability) ' "$stats"
