#!/usr/bin/env bash
# The benchmark, in one run on this machine:
#   1. builds the release binary and the synthetic content generator;
#   2. generates the province and the national scale (timed apart: not part
#      of the build figures) and checks them (`congkhai check`);
#   3. times `congkhai build` (median of 5 runs for the province, 3 for the
#      national scale) with its peak memory (/usr/bin/time -v);
#   4. times `cp -r` of the output (the floor) and the rebuilds `serve`
#      makes after one month's file changed (examples/rebuild.rs: the same
#      rebuild code as `serve`, timing each rebuild in-process);
#      every timed run starts after `sync`, so that it does not pay for
#      writing back the previous run's output;
#   5. optionally (--profile) records a CPU profile of the national build;
#   6. writes BENCHMARKS.md: machine, command, figures against the targets.
#
# Usage: bench/run.sh [--months N] [--skip-national] [--profile]
# Environment: LIMIT_SECONDS (600) and LIMIT_GIB (8) stop a build that runs
# longer or uses more memory; the figure is then recorded as stopped.
# Work files go to target/bench/. Hand-written notes in BENCHMARKS.md between
# the `notes:begin` and `notes:end` markers are kept.
set -euo pipefail
cd "$(dirname "$0")/.."
# Synthetic windows of 60 months and more run past today: date its checks
# from the end of the century instead (see `CONGKHAI_TODAY` in README.md).
export CONGKHAI_TODAY=${CONGKHAI_TODAY:-2099-12-31}
ROOT=$(pwd)
WORK=$ROOT/target/bench
ARGS="$*"
MONTHS=60
NATIONAL=1
PROFILE=0
while [ $# -gt 0 ]; do
  case "$1" in
    --months) MONTHS=$2; shift 2 ;;
    --skip-national) NATIONAL=0; shift ;;
    --profile) PROFILE=1; shift ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
LIMIT_SECONDS=${LIMIT_SECONDS:-600}
LIMIT_GIB=${LIMIT_GIB:-8}
LIMIT_KB=$((LIMIT_GIB * 1024 * 1024))
PROVINCE_RUNS=5
NATIONAL_RUNS=3

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ---- tools ------------------------------------------------------------------
install_pkg() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing $1"
    apt-get install -y "$1" >/dev/null 2>&1 ||
      { apt-get update >/dev/null 2>&1 && apt-get install -y "$1" >/dev/null 2>&1; } || true
  fi
}
[ -x /usr/bin/time ] || install_pkg time
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time (package time) is needed" >&2; exit 1; }
command -v hyperfine >/dev/null || install_pkg hyperfine
HYPERFINE=$(command -v hyperfine || true)
if [ "$PROFILE" = 1 ]; then command -v perf >/dev/null || install_pkg linux-perf; fi

mkdir -p "$WORK/bin"
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo " + uncommitted changes" || true)
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
log "building the release binary and the generator"
cargo build --release --quiet --bin congkhai --example synth --example rebuild
# Private copies: a `cargo build --release` run by someone else during the
# benchmark must not swap the binary between runs.
cp "$ROOT/target/release/congkhai" "$WORK/bin/congkhai"
cp "$ROOT/target/release/examples/synth" "$WORK/bin/synth"
cp "$ROOT/target/release/examples/rebuild" "$WORK/bin/rebuild"
BIN=$WORK/bin/congkhai
SYNTH=$WORK/bin/synth

# ---- helpers ----------------------------------------------------------------
now() { date +%s.%N; }
# seconds between two `now`s, 3 decimals
since() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
gib() { awk -v k="$1" 'BEGIN { printf "%.2f GiB", k / 1048576 }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.0f MiB", k / 1024 }'; }
human() { awk -v b="$1" 'BEGIN { split("B KB MB GB TB", u); i = 1; while (b >= 1000 && i < 5) { b /= 1000; i++ } printf "%.1f %s", b, u[i] }'; }

# run_guarded NAME CMD...: one run under /usr/bin/time -v, stopped past
# LIMIT_SECONDS or LIMIT_GIB. Sets R_STATUS (ok | failed | stopped: …),
# R_SECONDS (wall) and R_KB (peak resident memory).
run_guarded() {
  local name=$1; shift
  local tfile=$WORK/$name.time
  local start end pid child rss peak=0 rc=0
  R_STATUS=ok
  start=$(now)
  /usr/bin/time -v -o "$tfile" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    child=$(pgrep -P "$pid" | head -n 1 || true)
    if [ -n "$child" ] && [ -r "/proc/$child/status" ]; then
      rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$child/status" 2>/dev/null || echo 0)
      rss=${rss:-0}
      [ "$rss" -gt "$peak" ] && peak=$rss
      if [ "$rss" -gt "$LIMIT_KB" ]; then
        R_STATUS="stopped: over ${LIMIT_GIB} GiB after $(since "$start" "$(now)") s"
        kill "$child" 2>/dev/null || true
      elif awk -v s="$(since "$start" "$(now)")" -v l="$LIMIT_SECONDS" 'BEGIN { exit !(s > l) }'; then
        R_STATUS="stopped: over ${LIMIT_SECONDS} s, $(gib "$peak") resident"
        kill "$child" 2>/dev/null || true
      fi
    fi
    sleep 0.1
  done
  wait "$pid" || rc=$?
  end=$(now)
  R_SECONDS=$(since "$start" "$end")
  R_KB=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tfile" 2>/dev/null || true)
  R_KB=${R_KB:-$peak}
  if [ "$R_STATUS" = ok ] && [ "$rc" != 0 ]; then
    R_STATUS="failed (exit $rc): $(grep -v '^\s*$' "$WORK/$name.err" | tail -n 3 | tr '\n' ' ' | cut -c1-300)"
  fi
}

# timed NAME RUNS PREPARE CMD: median wall time of RUNS runs (hyperfine when
# available, with one warm-up run), PREPARE (a shell command, may be "")
# run before each. Sets T_MEDIAN, T_MIN, T_MAX, T_HOW.
timed() {
  local name=$1 runs=$2 prepare=$3 cmd=$4 i s e
  T_MEDIAN=""; T_MIN=""; T_MAX=""
  if [ -n "$HYPERFINE" ]; then
    T_HOW="hyperfine, $runs runs + 1 warm-up"
    local pargs=()
    [ -n "$prepare" ] && pargs=(--prepare "$prepare")
    if "$HYPERFINE" --runs "$runs" --warmup 1 "${pargs[@]}" --style basic \
         --export-csv "$WORK/$name.csv" --command-name "$name" "$cmd" \
         >"$WORK/$name.hyperfine" 2>&1; then
      read -r T_MEDIAN T_MIN T_MAX < <(awk -F, 'NR == 2 { printf "%.3f %.3f %.3f\n", $4, $7, $8 }' "$WORK/$name.csv")
    else
      T_MEDIAN="failed"
    fi
  else
    T_HOW="bash loop, $runs runs"
    : >"$WORK/$name.times"
    for ((i = 0; i < runs; i++)); do
      [ -n "$prepare" ] && bash -c "$prepare"
      s=$(now)
      if ! bash -c "$cmd" >/dev/null 2>>"$WORK/$name.err"; then T_MEDIAN="failed"; return; fi
      e=$(now)
      since "$s" "$e" >>"$WORK/$name.times"; echo >>"$WORK/$name.times"
    done
    T_MEDIAN=$(median <"$WORK/$name.times")
    T_MIN=$(sort -g "$WORK/$name.times" | grep . | head -n 1)
    T_MAX=$(sort -g "$WORK/$name.times" | tail -n 1)
  fi
}

# ---- one scale --------------------------------------------------------------
# Results go into variables named <scale>_<what>.
set_r() { printf -v "${1}_$2" '%s' "$3"; }
get_r() { local v="${1}_$2"; printf '%s' "${!v:-}"; }

bench_scale() {
  local scale=$1 runs=$2
  local dir=$WORK/$scale content=$WORK/$scale/content out=$WORK/$scale/output
  mkdir -p "$dir"
  rm -rf "$out" "$dir/copy"

  log "$scale: generating $MONTHS months"
  local s e
  s=$(now)
  "$SYNTH" --scale "$scale" --months "$MONTHS" --out "$content.new" >"$dir/synth.out"
  e=$(now)
  set_r "$scale" gen_seconds "$(since "$s" "$e")"
  # Keep the folder in place when nothing changed (others may be reading it).
  if [ -d "$content" ] && diff -rq "$content" "$content.new" >/dev/null 2>&1; then
    rm -rf "$content.new"
  else
    rm -rf "$content"
    mv "$content.new" "$content"
  fi
  for k in units dispatches figures bytes first last; do
    set_r "$scale" "$k" "$(awk -F= -v k="$k" '$1 == k { print $2; exit }' "$dir/synth.out")"
  done
  local latest
  latest=$content/$(awk -F= '$1 == "latest" { print $2; exit }' "$dir/synth.out")
  set_r "$scale" latest "${latest#"$ROOT"/}"
  set_r "$scale" yaml_bytes "$(du -sb "$content" | cut -f1)"

  log "$scale: congkhai check"
  run_guarded "$scale-check" "$BIN" check --content "$content"
  set_r "$scale" check_status "$R_STATUS"
  set_r "$scale" check_seconds "$R_SECONDS"
  set_r "$scale" check_kb "$R_KB"
  set_r "$scale" check_line "$(tail -n 1 "$WORK/$scale-check.out" 2>/dev/null)"
  if [ "$R_STATUS" != ok ]; then
    log "$scale: check $R_STATUS"
    set_r "$scale" check_errors "$(head -c 2000 "$WORK/$scale-check.err")"
    set_r "$scale" build_status "not run: check failed"
    return
  fi

  log "$scale: first build (guarded: ${LIMIT_SECONDS} s, ${LIMIT_GIB} GiB)"
  local build="$BIN build --content $content --output $out --quiet"
  sync
  run_guarded "$scale-build-1" $build
  set_r "$scale" build_status "$R_STATUS"
  if [ "$R_STATUS" != ok ]; then
    log "$scale: build $R_STATUS"
    set_r "$scale" build_first "$R_SECONDS"
    set_r "$scale" build_kb "$R_KB"
    return
  fi
  local times="$R_SECONDS" peak="$R_KB"
  # Peak memory: the highest of the guarded runs; time: the median.
  if [ "$scale" = province ] && [ -n "$HYPERFINE" ]; then
    timed "$scale-build" "$runs" "sync" "$build"
    set_r "$scale" build_median "$T_MEDIAN"
    set_r "$scale" build_range "$T_MIN – $T_MAX"
    set_r "$scale" build_how "$T_HOW; peak memory from one /usr/bin/time -v run"
  else
    local i
    for ((i = 2; i <= runs; i++)); do
      log "$scale: build run $i of $runs"
      sync
      run_guarded "$scale-build-$i" $build
      if [ "$R_STATUS" != ok ]; then set_r "$scale" build_status "$R_STATUS"; return; fi
      times="$times $R_SECONDS"
      [ "$R_KB" -gt "$peak" ] && peak=$R_KB
    done
    set_r "$scale" build_median "$(printf '%s\n' $times | median)"
    set_r "$scale" build_range "$(printf '%s\n' $times | sort -g | head -n 1) – $(printf '%s\n' $times | sort -g | tail -n 1)"
    set_r "$scale" build_how "$runs runs under /usr/bin/time -v (the guard), no warm-up run"
  fi
  set_r "$scale" build_kb "$peak"

  set_r "$scale" out_bytes "$(du -sb "$out" | cut -f1)"
  set_r "$scale" out_files "$(find "$out" -type f | wc -l)"
  set_r "$scale" out_pages "$(find "$out" -type f -name '*.html' | wc -l)"
  set_r "$scale" out_svg "$(find "$out" -type f -name '*.svg' | wc -l)"
  set_r "$scale" out_inline_svg "$(grep -rho '<svg' --include='*.html' "$out" | wc -l)"
  set_r "$scale" out_largest "$(find "$out" -type f -name '*.html' -printf '%s %P\n' | sort -n | tail -n 1)"

  log "$scale: cp -r of the output"
  timed "$scale-cp" "$runs" "rm -rf $dir/copy && sync" "cp -r $out $dir/copy"
  set_r "$scale" cp_median "$T_MEDIAN"
  rm -rf "$dir/copy"

  # serve's rebuilds: one full build, then each edit is followed by a
  # rebuild, timed inside the process (examples/rebuild.rs).
  local rebuilds=$((2 * runs + 1))
  log "$scale: $rebuilds rebuilds after editing ${latest#"$ROOT"/}"
  sync
  run_guarded "$scale-rebuild" "$WORK/bin/rebuild" --content "$content" --output "$out" \
    --edit "$latest" --runs "$rebuilds"
  if [ "$R_STATUS" = ok ]; then
    # "median 0.055 s (range 0.041 – 0.067 s, 7 runs)"
    local line
    line=$(grep '^median' "$WORK/$scale-rebuild.out")
    set_r "$scale" rebuild_median "$(awk '{ print $2 }' <<<"$line")"
    set_r "$scale" rebuild_range "$(awk '{ print $5 " – " $7 }' <<<"$line")"
    set_r "$scale" rebuild_kb "$R_KB"
    set_r "$scale" rebuild_runs "$(grep -c '^run .*partial' "$WORK/$scale-rebuild.out") of $rebuilds partial"
  else
    set_r "$scale" rebuild_median "failed"
    log "$scale: rebuild $R_STATUS"
  fi
  # Leave the generated file as it was.
  if tail -n 1 "$latest" | grep -q bench-edit; then bash "$ROOT/bench/edit-month.sh" "$latest"; fi
}

bench_scale province "$PROVINCE_RUNS"
if [ "$NATIONAL" = 1 ]; then
  bench_scale national "$NATIONAL_RUNS"
fi

# ---- profile ------------------------------------------------------------------
PROFILE_TEXT=""
if [ "$PROFILE" = 1 ]; then
  if [ "$NATIONAL" = 1 ] && [ "$(get_r national build_status)" = ok ]; then
    log "profiling the national build (bench/profile.sh)"
    if BIN=$BIN bash "$ROOT/bench/profile.sh" "$WORK/national/content" "$(get_r national build_median)"; then
      PROFILE_TEXT=$(cat "$WORK/profile.md")
    else
      PROFILE_TEXT="bench/profile.sh failed: see target/bench/perf-record.out"
    fi
  else
    PROFILE_TEXT="Not recorded: the national build did not complete."
  fi
fi

# ---- BENCHMARKS.md ----------------------------------------------------------------
log "writing BENCHMARKS.md"
machine_cpu=$(lscpu 2>/dev/null | awk -F: '/Model name/ { gsub(/^ +/, "", $2); print $2; exit }')
machine_mem=$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
machine_os=$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME")
machine_kernel=$(uname -sr)
rust=$(rustc --version)
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
today=$(date -u +%Y-%m-%d)
if [ -n "$HYPERFINE" ]; then
  timing_tool="hyperfine $("$HYPERFINE" --version | awk '{ print $2 }')"
else
  timing_tool="bash loop with date +%s.%N"
fi
SYNTH_REL=${SYNTH#"$ROOT"/}
edited="\`$(get_r province latest)\`"
if [ -n "$(get_r national latest)" ]; then edited="$edited and \`$(get_r national latest)\`"; fi

# result cell for a time: "x s" or the failure
tcell() { case "$1" in ''|failed) echo "${1:-not measured}" ;; *) echo "$1 s" ;; esac; }
# met? ≤ target
le() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || a !~ /^[0-9.]+$/) print "—"; else if (a + 0 <= b + 0) print "yes"; else print "**no**" }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a ~ /^[0-9.]+$/ && b ~ /^[0-9.]+$/ && b > 0) printf "%.1f", a / b }'; }
kbcell() { [ -n "$1" ] && echo "$(mib "$1") ($(gib "$1"))" || echo "not measured"; }

p_build=$(get_r province build_median); n_build=$(get_r national build_median)
p_re=$(get_r province rebuild_median); n_re=$(get_r national rebuild_median)
n_cp=$(get_r national cp_median); n_kb=$(get_r national build_kb)
n_ratio=$(ratio "$n_build" "$n_cp")
national_cell() {
  local st; st=$(get_r national build_status)
  if [ "$NATIONAL" = 0 ]; then echo "skipped (--skip-national)"
  elif [ "$st" != ok ]; then echo "$st"
  else echo "$(tcell "$n_build"), peak $(gib "$n_kb")"; fi
}
n_mem_ok=$(awk -v k="$n_kb" 'BEGIN { if (k == "") print "—"; else if (k <= 1048576) print "yes"; else print "**no**" }')
n_time_ok=$(le "$n_build" 5)
n_ok=$([ "$n_time_ok" = yes ] && [ "$n_mem_ok" = yes ] && echo yes || { [ "$n_time_ok" = "—" ] && echo "—" || echo "**no**"; })

scale_rows() {
  local s=$1
  cat <<EOF
| content | $(get_r "$s" units) units, $(get_r "$s" dispatches) dispatches, $(get_r "$s" figures) figures, $(get_r "$s" first) – $(get_r "$s" last) |
| content size | $(human "$(get_r "$s" yaml_bytes)") of YAML |
| generation (not part of the build) | $(get_r "$s" gen_seconds) s |
| \`congkhai check\` (load and validate) | $(get_r "$s" check_seconds) s, peak $(kbcell "$(get_r "$s" check_kb)"): $(get_r "$s" check_line) |
| \`congkhai build\`, median | $(tcell "$(get_r "$s" build_median)") (range $(get_r "$s" build_range) s; $(get_r "$s" build_how)) |
| build status | $(get_r "$s" build_status) |
| peak memory of the build | $(kbcell "$(get_r "$s" build_kb)") |
| output | $(human "$(get_r "$s" out_bytes)"), $(get_r "$s" out_pages) pages (.html), $(get_r "$s" out_files) files; charts: $(get_r "$s" out_inline_svg) \`<svg>\` in pages, $(get_r "$s" out_svg) .svg files |
| largest page | $(get_r "$s" out_largest | awk '{ if ($1 != "") printf "%s (%s)", $2, $1 " bytes" }') |
| \`cp -r\` of the output, median | $(tcell "$(get_r "$s" cp_median)") |
| build ÷ \`cp -r\` | $(ratio "$(get_r "$s" build_median)" "$(get_r "$s" cp_median)") |
| rebuild after one month's file changed (\`serve\`), median | $(tcell "$(get_r "$s" rebuild_median)") (range $(get_r "$s" rebuild_range) s; $(get_r "$s" rebuild_runs); peak memory of the rebuilder $(kbcell "$(get_r "$s" rebuild_kb)")) |
EOF
}

notes=""
if [ -f BENCHMARKS.md ]; then
  notes=$(awk '/<!-- notes:begin -->/ { on = 1 } on { print } /<!-- notes:end -->/ { on = 0 }' BENCHMARKS.md)
fi
if [ -z "$notes" ]; then
  notes="<!-- notes:begin -->
<!-- notes:end -->"
fi

{
  cat <<EOF
# Benchmarks

Figures of \`bench/run.sh\`, written by the script itself. Rerun:

\`\`\`
bench/run.sh${ARGS:+ $ARGS}
\`\`\`

Last run: **$today**, commit \`$commit\`$dirty.

## Machine

| | |
|---|---|
| CPU | $machine_cpu, $(nproc) cores (nproc) |
| memory | $machine_mem |
| OS | $machine_os ($machine_kernel) |
| Rust | $rust, release profile of Cargo.toml |
| timing | $timing_tool; peak memory: /usr/bin/time -v |
| load average (1, 5, 15 min) | $load_start at the start, $load_end at the end (the machine may be shared: other builds slow the figures) |

## Against the targets

| measure | result | target | met |
|---|---|---|---|
| national full build | $(national_cell) | ≤ 5 s, peak memory ≤ 1 GiB | $n_ok |
| national build ÷ \`cp -r\` of its output | ${n_ratio:-not measured}${n_ratio:+ ($(tcell "$n_build") ÷ $(tcell "$n_cp"))} | ≤ 20 | $(le "$n_ratio" 20) |
| province full build | $(tcell "$p_build") | ≤ 0.3 s | $(le "$p_build" 0.3) |
| rebuild after one changed month, province | $(tcell "$p_re") | ≤ 0.1 s | $(le "$p_re" 0.1) |
| rebuild after one changed month, national | $(tcell "$n_re") | ≤ 2 s | $(le "$n_re" 2) |

The rebuild is timed as \`serve\` makes it (\`site::incremental\`, run by
\`examples/rebuild.rs\`): after a first full build, \`bench/edit-month.sh\`
changes one figure and the body of one dispatch of the latest month
($edited), then the rebuilder re-reads that file, renders
the pages the change reaches, checks every link and writes the files whose
bytes changed. Only the rebuild is timed; the edits alternate (apply,
revert), so that every run sees a change.

For reference, on such a machine Hugo 0.111 builds the national
page set (4,063 pages, 348 MB, tables only, no charts) in 26.5 s with
1.6 GiB peak memory, the province set in 0.9 s; \`cp -r\` of that output takes
0.26 s.

## Province scale

Synthetic content: \`$SYNTH_REL --scale province --months $MONTHS\`
(\`examples/synth.rs\`): one province modelled on Hưng Yên, its departments
(merged on 01/3/2025, one renamed), its districts until 30/6/2025 and its new
communes from 01/7/2025; one dispatch a month with appendices I–III.

| measure | result |
|---|---|
$(scale_rows province)

## National scale

EOF
  if [ "$NATIONAL" = 1 ]; then
    cat <<EOF
Synthetic content: \`$SYNTH_REL --scale national --months $MONTHS\`: 34 provinces,
each with its departments (same mergers) and its communes (3,321 in all, used
over the whole window so that the volume is the national one); one dispatch
per province per month.

| measure | result |
|---|---|
$(scale_rows national)
EOF
    if [ -n "$(get_r national check_errors)" ]; then
      printf '\nErrors of `congkhai check`:\n\n```\n%s\n```\n' "$(get_r national check_errors)"
    fi
  else
    echo "Skipped (--skip-national)."
  fi
  if [ -n "$PROFILE_TEXT" ]; then
    printf '\n## Profile (automatic, national build)\n\n%s\n' "$PROFILE_TEXT"
  fi
  printf '\n## Notes\n\nKept from the previous BENCHMARKS.md by bench/run.sh.\n\n%s\n' "$notes"
} >BENCHMARKS.md.tmp
mv BENCHMARKS.md.tmp BENCHMARKS.md
log "done: BENCHMARKS.md"
