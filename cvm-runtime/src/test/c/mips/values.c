#include "values.h"

/* Boundaries of each width and sign, plus a few bit patterns. */
unsigned values[] = {
    0x00000000, 0x00000001, 0x00000002, 0x00000007, 0x0000007f, 0x00000080, 0x000000ff, 0x00007fff,
    0x00008000, 0x0000ffff, 0x00010000, 0x12345678, 0x7ffffffe, 0x7fffffff, 0x80000000, 0x80000001,
    0xdeadbeef, 0xfffffffe, 0xffffffff, 0x55555555, 0xaaaaaaaa,
};
int value_count = sizeof values / sizeof values[0];

unsigned divisors[] = {
    0x00000001, 0x00000002, 0x00000003, 0x00000007, 0x0000000a, 0x00010000, 0x7fffffff,
    0x80000000, 0xffffffff, 0xfffffffe, 0xfffffff9, 0x12345678, 0xdeadbeef,
};
int divisor_count = sizeof divisors / sizeof divisors[0];

unsigned long long accumulator = 0x0123456789abcdefULL;
