/*
 * Operands for the arithmetic programs. They live in their own translation unit (values.c) so that gcc
 * cannot fold the operations at compile time: every result is computed by the machine under test.
 */
#ifndef CVMJ_MIPS_VALUES_H
#define CVMJ_MIPS_VALUES_H

extern unsigned values[];
extern int value_count;
/* Non-zero divisors, including the INT_MIN / -1 case. */
extern unsigned divisors[];
extern int divisor_count;
/* 0x0123456789abcdef: the start of the multiply-accumulate lines. */
extern unsigned long long accumulator;

#endif
