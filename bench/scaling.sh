#!/usr/bin/env bash
# How the build's cost grows with the content, in one run on this machine:
# build time, peak memory and output size
#   - at 12, 24, 60 and 120 months, province scale (`synth --scale province`);
#   - at 1, 8 and 34 provinces, 60 months (`synth --scale national
#     --provinces N`; 34 is the national scale of bench/run.sh).
# Each point: the content generated (not timed), then RUNS builds (default
# 2; the fastest counts, the machine being shared), each after `sync`,
# under /usr/bin/time -v (peak memory: the highest). Earlier outputs are
# moved aside and deleted at the end, as in bench/run.sh (this machine's
# unjournaled ext4 makes creating files right after deleting many slow).
# Writes bench/scaling.csv, draws bench/scaling-*.svg with the site's own
# line chart (examples/scaling_chart.rs) and replaces the section between
# the `scaling:begin` and `scaling:end` markers of BENCHMARKS.md.
#
# Usage: bench/scaling.sh [--runs N] [--months "12 24 60 120"] [--provinces "1 8 34"]
#        bench/scaling.sh --report-only   (the section again, from bench/scaling.csv)
set -euo pipefail
cd "$(dirname "$0")/.."
export CONGKHAI_TODAY=${CONGKHAI_TODAY:-2099-12-31}
ROOT=$(pwd)
WORK=$ROOT/target/bench/scaling
RUNS=2
MONTHS_LIST="12 24 60 120"
PROVINCES_LIST="1 8 34"
MEASURE=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS=$2; shift 2 ;;
    --months) MONTHS_LIST=$2; shift 2 ;;
    --provinces) PROVINCES_LIST=$2; shift 2 ;;
    --report-only) MEASURE=0; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
log() { printf '[scaling %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
[ -x /usr/bin/time ] || { echo "scaling: /usr/bin/time (package time) is needed" >&2; exit 1; }

mkdir -p "$WORK/bin"
CSV=$ROOT/bench/scaling.csv
log "building the release binary, the generator and the chart example"
cargo build --release --quiet --bin congkhai --example synth --example scaling_chart
RELEASE=${CARGO_TARGET_DIR:-$ROOT/target}/release
for b in congkhai examples/synth examples/scaling_chart; do cp "$RELEASE/$b" "$WORK/bin/"; done
if [ "$MEASURE" = 1 ]; then
BIN=$WORK/bin/congkhai

ASIDE=$WORK/aside
rm -rf "$ASIDE"
aside() { bash "$ROOT/bench/aside.sh" "$ASIDE" "$@"; }

echo "series,label,n,seconds,peak_kb,output_bytes,pages,figures,yaml_bytes" >"$CSV.tmp"

# point SERIES LABEL N SYNTH-ARGS...
point() {
  local series=$1 label=$2 n=$3; shift 3
  local dir=$WORK/$series-$n best="" peak=0 i s e kb
  log "$series $n: generating ($*)"
  rm -rf "$dir"
  mkdir -p "$dir"
  "$WORK/bin/synth" "$@" --out "$dir/content" >"$dir/synth.out"
  for ((i = 1; i <= RUNS; i++)); do
    aside "$dir/output"
    sync
    s=$(date +%s.%N)
    /usr/bin/time -v -o "$dir/time" "$BIN" build --content "$dir/content" --output "$dir/output" --quiet
    e=$(date +%s.%N)
    local secs
    secs=$(awk -v a="$s" -v b="$e" 'BEGIN { printf "%.3f", b - a }')
    kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$dir/time")
    log "$series $n: run $i: $secs s, $kb KB"
    if [ -z "$best" ] || awk -v a="$secs" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$secs; fi
    [ "$kb" -gt "$peak" ] && peak=$kb
  done
  local bytes pages figures yaml
  bytes=$(du -sb "$dir/output" | cut -f1)
  pages=$(find "$dir/output" -type f -name '*.html' | wc -l)
  figures=$(awk -F= '$1 == "figures" { print $2 }' "$dir/synth.out")
  yaml=$(du -sb "$dir/content" | cut -f1)
  echo "$series,$label,$n,$best,$peak,$bytes,$pages,$figures,$yaml" >>"$CSV.tmp"
  aside "$dir/output"
}

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
for m in $MONTHS_LIST; do point months "$m tháng" "$m" --scale province --months "$m"; done
for p in $PROVINCES_LIST; do point provinces "$p tỉnh" "$p" --scale national --months 60 --provinces "$p"; done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
rm -rf "$ASIDE"
echo "$load_start|$load_end|$(git rev-parse --short HEAD 2>/dev/null || echo unknown)|$(date -u +%Y-%m-%d)|$RUNS" >"$ROOT/bench/scaling.run"
mv "$CSV.tmp" "$CSV"
fi
IFS='|' read -r load_start load_end commit run_date RUNS <"$ROOT/bench/scaling.run"
log "drawing the charts"
rm -f bench/scaling-*.svg
"$WORK/bin/scaling_chart" "$CSV" bench >/dev/null

# ---- the section of BENCHMARKS.md --------------------------------------------
# growth FROM TO: how a measure grows against n, from the smallest to the
# largest point: the exponent k of cost ∝ n^k (1 = linear, below 1 = better).
section() {
  cat <<EOT
<!-- scaling:begin -->
## How the cost grows

Written by \`bench/scaling.sh\` on $run_date, commit \`$commit\`
(load average $load_start at the start, $load_end at the end). Each point:
synthetic content of \`examples/synth.rs\`, $RUNS builds, the fastest counts,
peak memory the highest (\`/usr/bin/time -v\`). Months: province scale;
provinces: national scale limited to the first N provinces, 60 months.
Figures in \`bench/scaling.csv\`.

| series | content | figures | YAML | build | peak memory | output | pages | build per 1,000 figures |
|---|---|---|---|---|---|---|---|---|
EOT
  awk -F, 'NR > 1 {
    printf "| %s | %s | %d | %.1f MB | %.3f s | %.0f MiB | %.1f MB | %d | %.2f ms |\n",
      $1, $2, $8, $9 / 1e6, $4, $5 / 1024, $6 / 1e6, $7, ($8 > 0 ? $4 * 1e6 / $8 : 0)
  }' "$CSV"
  echo
  echo "Growth from the smallest to the largest point, as the exponent k of"
  echo "cost ∝ size^k (k = 1: linear; below 1: better than linear), against"
  echo "the series' size (months, provinces) and against the figures the"
  echo "content holds (which grow faster than the months: the synthetic"
  echo "province gains Phụ lục III in 2023 and its communes in 07/2025):"
  echo
  echo "| series | size from → to | figures from → to | build time k (size; figures) | peak memory k (size; figures) | output k (size; figures) |"
  echo "|---|---|---|---|---|---|"
  for series in months provinces; do
    awk -F, -v s="$series" 'NR > 1 && $1 == s { n[++c] = $3; t[c] = $4; m[c] = $5; o[c] = $6; f[c] = $8 }
      function k(a, b, x, y) { return (a > 0 && b > 0 && x > 0 && y != x) ? sprintf("%.2f", log(b / a) / log(y / x)) : "—" }
      function both(a, b) { return k(a, b, n[1], n[c]) "; " k(a, b, f[1], f[c]) }
      END { if (c > 1) printf "| %s | %s → %s | %s → %s | %s | %s | %s |\n", s, n[1], n[c], f[1], f[c], both(t[1], t[c]), both(m[1], m[c]), both(o[1], o[c]) }' "$CSV"
  done
  cat <<'EOT'

Each chart shows a measure as a share of its value at the largest size,
beside the share a cost proportional to the size would have (the second
line): a measure at or above that line grows linearly or slower. Drawn by
the site's own line chart (`examples/scaling_chart.rs`).

| | build time | peak memory | output size |
|---|---|---|---|
| months | ![build time by months](bench/scaling-months-time.svg) | ![peak memory by months](bench/scaling-months-memory.svg) | ![output size by months](bench/scaling-months-output.svg) |
| provinces | ![build time by provinces](bench/scaling-provinces-time.svg) | ![peak memory by provinces](bench/scaling-provinces-memory.svg) | ![output size by provinces](bench/scaling-provinces-output.svg) |
<!-- scaling:end -->
EOT
}
section >"$WORK/section.md"
if grep -q '<!-- scaling:begin -->' BENCHMARKS.md 2>/dev/null; then
  awk -v f="$WORK/section.md" '
    /<!-- scaling:begin -->/ { while ((getline l < f) > 0) print l; skip = 1; next }
    /<!-- scaling:end -->/ { skip = 0; next }
    !skip { print }' BENCHMARKS.md >BENCHMARKS.md.tmp
else
  { cat BENCHMARKS.md; echo; cat "$WORK/section.md"; } >BENCHMARKS.md.tmp
fi
mv BENCHMARKS.md.tmp BENCHMARKS.md
log "done: bench/scaling.csv, bench/scaling-*.svg, BENCHMARKS.md"
