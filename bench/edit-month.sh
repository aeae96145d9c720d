#!/usr/bin/env bash
# Edit one dispatch file as an editor would: one figure and the body text.
# Each call toggles the edit (apply, then revert), so repeated runs all see
# a changed file and the content stays valid. Used by bench/run.sh.
#
#   bench/edit-month.sh content/dispatches/2027/2027-07-vpub.yaml
set -euo pipefail
f=$1
marker='bench-edit'
if tail -n 1 "$f" | grep -q "$marker"; then
  # Revert: the figure back to 100, and drop the added body line.
  sed -i -E "0,/^( +- )99,9 # $marker\$/s//\\1100/" "$f"
  sed -i '$d' "$f"
else
  # A figure of 100 becomes 99,9 (still meets any target), and a line is
  # added to the end of the body (the last field of every dispatch).
  sed -i -E "0,/^( +- )100\$/s//\\199,9 # $marker/" "$f"
  printf '  Số liệu tháng này đã được rà soát lại (%s).\n' "$marker" >> "$f"
fi
