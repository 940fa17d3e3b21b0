/*
 * Integer ALU operations over every pair of operands, wrapping on overflow. Each line is
 * "op a b = result" (see put_op); the Java test recomputes every line.
 */
#include "sys.h"
#include "values.h"

int main(void) {
  for (int i = 0; i < value_count; i++) {
    for (int j = 0; j < value_count; j++) {
      unsigned a = values[i];
      unsigned b = values[j];
      int sa = (int) a;
      int sb = (int) b;
      put_op("add", a, b, a + b);
      put_op("sub", a, b, a - b);
      put_op("and", a, b, a & b);
      put_op("or", a, b, a | b);
      put_op("xor", a, b, a ^ b);
      put_op("nor", a, b, ~(a | b));
      put_op("lt", a, b, sa < sb);
      put_op("ltu", a, b, a < b);
      put_op("le", a, b, sa <= sb);
      put_op("geu", a, b, a >= b);
      put_op("eq", a, b, a == b);
      put_op("min", a, b, sa < sb ? a : b);
      put_op("maxu", a, b, a > b ? a : b);
      put_op("sel", a, b, (b & 1) ? a : b); /* movn/movz candidates */
    }
  }
  /* Immediate forms: gcc uses addiu/slti/sltiu/andi/ori/xori with these constants. */
  for (int i = 0; i < value_count; i++) {
    unsigned a = values[i];
    int sa = (int) a;
    put_op("add", a, 12345, a + 12345);
    put_op("add", a, (unsigned) -32768, a - 32768);
    put_op("sub", 0, a, 0u - a);
    put_op("lt", a, 100, sa < 100);
    put_op("lt", a, (unsigned) -100, sa < -100);
    put_op("ltu", a, 0x7fff, a < 0x7fffu);
    put_op("ltu", a, 0xfffffff0, a < 0xfffffff0u); /* sltiu with a sign-extended immediate */
    put_op("and", a, 0xff00, a & 0xff00);
    put_op("or", a, 0x8001, a | 0x8001);
    put_op("xor", a, 0xffff, a ^ 0xffff);
    put_op("and", a, 0xffff0000, a & 0xffff0000);
    put_op("eq", a, 0, a == 0);
    put_op("lt", a, 0, sa < 0);
    put_op("le", a, 0, sa <= 0);
  }
  put_line("arith done");
  return 0;
}
