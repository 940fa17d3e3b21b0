#!/bin/sh
# Builds every test program into the directory given as $1 (default: ./build), the way the Java tests do.
# Usage: ./build.sh [OUTDIR] [OPT]    (OPT defaults to -O2)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-build}
opt=${2:--O2}
mkdir -p "$out"
flags="-march=mips32 -mabi=32 -EB -mno-abicalls -fno-pic -G0 -msoft-float -ffreestanding -fno-builtin \
  -nostdlib -static $opt -Wall -Wextra -Wl,--build-id=none -Wl,-e,_start"
runtime="$here/start.S $here/io.c $here/mem.c $here/values.c"
for src in "$here"/*.c "$here"/*.S; do
  name=$(basename "$src"); name=${name%.*}
  case "$name" in start|io|mem|values) continue ;; esac
  mips-linux-gnu-gcc $flags -o "$out/$name.elf" $runtime "$src"
done
