#!/bin/sh
# Builds the CVM guest. Usage: build.sh mips|native OUTPUT_FILE
#   mips:   the MIPS32 big-endian static ELF that runs inside the fault-proof VM
#           (committed as cvm-runtime/src/main/resources/org/cvmj/cvm/mips/guest/cvm-guest.elf)
#   native: the same operator code for the host, cvm-guest-native PLAN_FILE INPUT_FILE OUTPUT_FILE
# Compiles from this directory with relative file names, so the ELF is the same bytes on every machine
# with the same Debian cross compiler (gcc-mips-linux-gnu 12.2).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
case "$2" in
  /*) out=$2 ;;
  *) out=$(pwd)/$2 ;;
esac
cd "$here"
OPS="plan.c gemm.c elemwise.c binary.c layout.c"
case "$1" in
  mips)
    # java-dependencies.md section 10; -mno-check-zero-division because every division here has a divisor
    # checked or known to be nonzero, so gcc's teq checks would only cost steps.
    ${MIPS_CC:-mips-linux-gnu-gcc} -march=mips32 -mabi=32 -EB -mno-abicalls -fno-pic -G0 -msoft-float \
      -ffreestanding -fno-builtin -nostdlib -static -O2 -mno-check-zero-division \
      -Wall -Wextra -Werror \
      -Wl,--build-id=none -Wl,-e,_start -o "$out" start.S conv_tile.S conv_tile3.S main_mips.c mem.c $OPS
    ;;
  native)
    ${CC:-gcc} -O2 -Wall -Wextra -Werror -o "$out" main_native.c conv_tile.c conv_tile3.c $OPS
    ;;
  *)
    echo "usage: build.sh mips|native OUTPUT_FILE" >&2
    exit 2
    ;;
esac
