#!/usr/bin/env bash
# CPU profile of one `congkhai build` with perf (Debian: linux-perf), written
# as Markdown to target/bench/profile.md (self time and inclusive time of the
# top symbols). Called by `bench/run.sh --profile`; usable alone:
#
#   bench/profile.sh target/bench/national/content [expected-seconds]
#
# The sampling rate is chosen from the expected build time so that the
# recording stays near 8,000 samples (DWARF call graphs are large).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK=$ROOT/target/bench
CONTENT=${1:?usage: bench/profile.sh CONTENT-DIR [EXPECTED-SECONDS]}
EXPECTED=${2:-30}
# The binary: $BIN if set (bench/run.sh passes its pinned copy).
if [ -z "${BIN:-}" ]; then
  cargo build --release --quiet --bin congkhai
  BIN=$ROOT/target/release/congkhai
fi
command -v perf >/dev/null || { echo "perf is not installed (Debian: linux-perf)" >&2; exit 1; }
mkdir -p "$WORK"
FREQ=$(awk -v s="$EXPECTED" -v n="$(nproc)" 'BEGIN { f = int(8000 / (s * n)); if (f > 199) f = 199; if (f < 5) f = 5; print f }')
OUT=$WORK/profile-output
rm -f "$WORK/perf.data" "$WORK/perf.data.old"
rm -rf "$OUT"
start=$(date +%s.%N)
perf record -F "$FREQ" -g --call-graph dwarf,16384 -o "$WORK/perf.data" -- \
  "$BIN" build --content "$CONTENT" --output "$OUT" --quiet >"$WORK/perf-record.out" 2>&1
end=$(date +%s.%N)
rm -rf "$OUT"
# Symbols are long (Rust paths with generics): keep them readable.
shorten() { sed -E 's/[ -]+$//; s/<[^<>]*>//g; s/<[^<>]*>//g; s/<[^<>]*>//g; s/ \(inlined\)$//' | cut -c1-150; }
perf report -i "$WORK/perf.data" --no-children --sort symbol --stdio --percent-limit 0.8 2>/dev/null |
  grep -E '^ +[0-9]' | shorten | head -n 30 >"$WORK/profile-self.txt" || true
# Inclusive: the project's own functions and its libraries' entry points,
# not the thread pool's frames.
perf report -i "$WORK/perf.data" --children --sort symbol --stdio --percent-limit 2 -g none 2>/dev/null |
  grep -E '^ +[0-9]' | shorten |
  grep -E 'congkhai::|tera::|serde_yaml|yaml_rust2|pulldown_cmark|ammonia|plotters|serde_json|csv::|walkdir|std::fs|_int_malloc|mi_' |
  grep -vE 'closure_env|rayon' | head -n 40 >"$WORK/profile-children.txt" || true
samples=$(perf report -i "$WORK/perf.data" --stdio --header-only 2>/dev/null | awk -F': ' '/sample/ && /nr_samples|samples/ { print; exit }' || true)
{
  echo "One \`congkhai build --content ${CONTENT#"$ROOT"/}\` under \`perf record -F $FREQ -g --call-graph dwarf\`"
  echo "(release binary with line tables; $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }') s under perf, $(nproc) cores)."
  echo
  echo "Self time, top symbols (% of all samples, all threads):"
  echo
  echo '```'
  cat "$WORK/profile-self.txt"
  echo '```'
  echo
  echo "Inclusive time (the function and all it calls; project and library functions, ≥ 2 %):"
  echo
  echo '```'
  cat "$WORK/profile-children.txt"
  echo '```'
} >"$WORK/profile.md"
echo "profile: $WORK/profile.md${samples:+ ($samples)}"
