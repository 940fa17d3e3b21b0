/*
 * The native build, for debugging with ordinary tools: cvm-guest-native PLAN_FILE INPUT_FILE OUTPUT_FILE.
 * The plan file holds the big-endian words Java writes to guest memory; they are swapped to host order
 * here, and everything else is the same code as in the MIPS build.
 */
#include <stdio.h>
#include <stdlib.h>
#include "cvm.h"

void fail(const char *what, u32 where) {
  fprintf(stderr, "cvm-guest: %s %u\n", what, where);
  exit(1);
}

static void *alloc(u32 bytes) {
  void *p = calloc(1, bytes ? bytes : 1);
  if (!p) {
    fail("out of memory: calloc failed for bytes", bytes);
  }
  return p;
}

static u8 *read_file(const char *path, u32 *len) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "cvm-guest: cannot open %s\n", path);
    exit(2);
  }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  u8 *buf = malloc((size_t) n + 16);
  if (!buf || fread(buf, 1, (size_t) n, f) != (size_t) n) {
    fprintf(stderr, "cvm-guest: cannot read %s\n", path);
    exit(2);
  }
  fclose(f);
  *len = (u32) n;
  return buf;
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: cvm-guest-native PLAN_FILE INPUT_FILE OUTPUT_FILE\n");
    return 2;
  }
  u32 plan_len, input_len;
  u8 *raw = read_file(argv[1], &plan_len);
  if (plan_len % 4 != 0) {
    fail("plan: file length is not a multiple of 4:", plan_len);
  }
  u32 words = plan_len / 4;
  /* Four words of slack: kernels may read a few words past a tensor that ends the plan. */
  u32 *plan = calloc(words + 4, 4);
  for (u32 i = 0; i < words; i++) {
    const u8 *p = raw + 4 * i;
    plan[i] = (u32) p[0] << 24 | (u32) p[1] << 16 | (u32) p[2] << 8 | (u32) p[3];
  }
  u8 *input = read_file(argv[2], &input_len);
  u32 cap = 1u << 24;
  u8 *out = malloc(cap);
  u32 n = run_plan(plan, words, input, input_len, out, cap, alloc);
  FILE *f = fopen(argv[3], "wb");
  if (!f || fwrite(out, 1, n, f) != n || fclose(f) != 0) {
    fprintf(stderr, "cvm-guest: cannot write %s\n", argv[3]);
    return 2;
  }
  return 0;
}
