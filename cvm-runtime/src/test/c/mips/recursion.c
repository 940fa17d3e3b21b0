/*
 * Deep and branching recursion: Fibonacci, Ackermann, Towers of Hanoi, mutual recursion and Euclid.
 * Lines are "name ARGS = VALUE" in decimal.
 */
#include "sys.h"

__attribute__((noinline)) static unsigned fib(unsigned n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

__attribute__((noinline)) static unsigned ackermann(unsigned m, unsigned n) {
  if (m == 0) {
    return n + 1;
  }
  if (n == 0) {
    return ackermann(m - 1, 1);
  }
  return ackermann(m - 1, ackermann(m, n - 1));
}

static unsigned moves;
static unsigned checksum;

__attribute__((noinline)) static void hanoi(int n, int from, int to, int via) {
  if (n == 0) {
    return;
  }
  hanoi(n - 1, from, via, to);
  moves++;
  checksum = checksum * 31 + (unsigned) (from * 3 + to);
  hanoi(n - 1, via, to, from);
}

__attribute__((noinline)) static int is_odd(unsigned n);
__attribute__((noinline)) static int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }
__attribute__((noinline)) static int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }

__attribute__((noinline)) static unsigned gcd(unsigned a, unsigned b) { return b == 0 ? a : gcd(b, a % b); }

static void put_result(const char *name, unsigned a, unsigned b, unsigned v) {
  put_str(name);
  put_char(' ');
  put_udec(a);
  put_char(' ');
  put_udec(b);
  put_str(" = ");
  put_udec(v);
  put_char('\n');
}

int main(void) {
  for (unsigned n = 0; n <= 24; n++) {
    put_result("fib", n, 0, fib(n));
  }
  for (unsigned m = 0; m <= 3; m++) {
    for (unsigned n = 0; n <= 4; n++) {
      put_result("ackermann", m, n, ackermann(m, n));
    }
  }
  hanoi(12, 1, 3, 2);
  put_result("hanoi", 12, 0, moves);
  put_result("hanoi-checksum", 12, 0, checksum);
  put_result("even", 5001, 0, (unsigned) is_even(5001));
  put_result("even", 4000, 0, (unsigned) is_even(4000));
  put_result("gcd", 1071u * 997u, 462u * 997u, gcd(1071u * 997u, 462u * 997u));
  put_result("gcd", 832040, 514229, gcd(832040, 514229));
  return 0;
}
