#!/usr/bin/env bash
# bench/aside.sh DIR PATH...: move each existing PATH into a fresh folder
# of DIR, instead of deleting it; bench/run.sh and bench/scaling.sh delete
# DIR once every figure is taken.
#
# Why: this machine's ext4 has no journal, and the kernel then avoids
# reusing an inode freed in the last minutes, searching past every such
# inode of a block group for each file it creates. Right after `rm -rf`
# of a 23,000-file output, a national build spent 18-23 s of system time
# there instead of 3-5 s, and so did Hugo in proportion to its files: the
# harness, not the build, was being measured. Deleting nothing while
# timing treats both tools alike.
set -euo pipefail
dir=$1
shift
mkdir -p "$dir"
for p in "$@"; do
  [ -e "$p" ] || continue
  mv "$p" "$(mktemp -d -p "$dir")/"
done
