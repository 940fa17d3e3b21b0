/*
 * Multiplication and division: 32-bit products (mul), 32x32->64 products (mult/multu), multiply-accumulate
 * (madd/maddu/msub/msubu), division and remainder by registers (div/divu, including INT_MIN / -1) and by
 * constants (gcc's multiply-high reciprocals). Lines are "op a b = result".
 */
#include "sys.h"
#include "values.h"

/* With the accumulator in registers (not a constant) gcc emits mthi/mtlo + madd/maddu/msub/msubu. */
__attribute__((noinline)) static int64_t smac(int64_t acc, int a, int b) { return acc + (int64_t) a * b; }
__attribute__((noinline)) static uint64_t umac(uint64_t acc, unsigned a, unsigned b) { return acc + (uint64_t) a * b; }
__attribute__((noinline)) static int64_t smsub(int64_t acc, int a, int b) { return acc - (int64_t) a * b; }
__attribute__((noinline)) static uint64_t umsub(uint64_t acc, unsigned a, unsigned b) { return acc - (uint64_t) a * b; }

static void by_constants(unsigned a) {
  int sa = (int) a;
  put_op("div", a, 7, (unsigned) (sa / 7));
  put_op("rem", a, 7, (unsigned) (sa % 7));
  put_op("div", a, (unsigned) -10, (unsigned) (sa / -10));
  put_op("rem", a, (unsigned) -10, (unsigned) (sa % -10));
  put_op("div", a, 1000, (unsigned) (sa / 1000));
  put_op("divu", a, 3, a / 3);
  put_op("remu", a, 3, a % 3);
  put_op("divu", a, 10, a / 10);
  put_op("remu", a, 10, a % 10);
  put_op("divu", a, 16, a / 16);
  put_op("div", a, 16, (unsigned) (sa / 16)); /* a shift with a rounding fix-up for negatives */
  put_op("mul", a, 10, a * 10);
  put_op("mul", a, 0x10001, a * 0x10001);
}

int main(void) {
  for (int i = 0; i < value_count; i++) {
    unsigned a = values[i];
    int sa = (int) a;
    for (int j = 0; j < value_count; j++) {
      unsigned b = values[j];
      int sb = (int) b;
      put_op("mul", a, b, a * b);
      put_op64("smul64", a, b, (uint64_t) ((int64_t) sa * sb));
      put_op64("umul64", a, b, (uint64_t) a * b);
      put_op64("smac64", a, b, (uint64_t) smac((int64_t) accumulator, sa, sb));
      put_op64("umac64", a, b, umac(accumulator, a, b));
      put_op64("smsub64", a, b, (uint64_t) smsub((int64_t) accumulator, sa, sb));
      put_op64("umsub64", a, b, umsub(accumulator, a, b));
    }
    for (int j = 0; j < divisor_count; j++) {
      unsigned b = divisors[j];
      int sb = (int) b;
      put_op("div", a, b, (unsigned) (sa / sb));
      put_op("rem", a, b, (unsigned) (sa % sb));
      put_op("divu", a, b, a / b);
      put_op("remu", a, b, a % b);
    }
    by_constants(a);
  }
  put_line("muldiv done");
  return 0;
}
