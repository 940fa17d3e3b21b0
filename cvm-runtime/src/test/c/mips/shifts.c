/*
 * Shifts by every amount 0..31, both by a constant (sll/srl/sra) and by a register (sllv/srlv/srav),
 * plus rotates. Lines are "op a n = result".
 */
#include "sys.h"
#include "values.h"

static void by_constant(unsigned a) {
  int sa = (int) a;
#define SHIFT(n)                                   \
  put_op("shl", a, (n), a << (n));                 \
  put_op("shr", a, (n), a >> (n));                 \
  put_op("sar", a, (n), (unsigned) (sa >> (n)));
#define SHIFT8(n) SHIFT(n) SHIFT(n + 1) SHIFT(n + 2) SHIFT(n + 3) SHIFT(n + 4) SHIFT(n + 5) SHIFT(n + 6) SHIFT(n + 7)
  SHIFT8(0) SHIFT8(8) SHIFT8(16) SHIFT8(24)
}

static void by_register(unsigned a, unsigned n) {
  int sa = (int) a;
  put_op("shl", a, n, a << n);
  put_op("shr", a, n, a >> n);
  put_op("sar", a, n, (unsigned) (sa >> n));
  put_op("rotl", a, n, n == 0 ? a : (a << n) | (a >> (32 - n)));
}

int main(void) {
  for (int i = 0; i < value_count; i++) {
    by_constant(values[i]);
    for (unsigned n = 0; n < 32; n++) {
      by_register(values[i], n);
    }
  }
  /* 64-bit shifts of a:(a ^ 0x0f0f0f0f), inlined as pairs of 32-bit shifts on MIPS32. */
  for (int i = 0; i < value_count; i++) {
    uint64_t x = ((uint64_t) values[i] << 32) | (values[i] ^ 0x0f0f0f0fu);
    for (unsigned n = 0; n < 64; n += 5) {
      put_op64("shl64", values[i], n, x << n);
      put_op64("shr64", values[i], n, x >> n);
      put_op64("sar64", values[i], n, (uint64_t) ((int64_t) x >> n));
    }
  }
  put_line("shifts done");
  return 0;
}
