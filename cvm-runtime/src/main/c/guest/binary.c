/*
 * The six broadcast operators and elemwise_add/sub. The encoder merges the broadcast into runs: the
 * output is walked in row-major order as `outer` runs of `inner` consecutive elements, inside which
 * each operand either advances by one (step 1) or repeats one value (step 0); between runs the operand
 * offsets follow an odometer over the outer dimensions with their own strides.
 */
#include "cvm.h"

static i32 apply(u32 kind, i32 a, i32 b) {
  switch (kind) {
    case BIN_ADD: return (i32) ((u32) a + (u32) b);
    case BIN_SUB: return (i32) ((u32) a - (u32) b);
    case BIN_MUL: return (i32) ((u32) a * (u32) b);
    case BIN_MAX: return a > b ? a : b;
    case BIN_GREATER: return a > b ? 1 : 0;
    default:
      /* Division by zero gives 0, INT_MIN / -1 wraps, both as the Java runtime. */
      if (b == 0) {
        return 0;
      }
      if (b == -1) {
        return (i32) (0u - (u32) a);
      }
      return a / b;
  }
}

/* One run: the hot cases get their own loops so that the common ones stay tight. */
static void run(u32 kind, const i32 *a, u32 as, const i32 *b, u32 bs, i32 *y, u32 n) {
  if (kind == BIN_MUL && as == 1 && bs == 0) {
    u32 bv = (u32) b[0];
    for (u32 i = 0; i < n; i++) {
      y[i] = (i32) ((u32) a[i] * bv);
    }
  } else if (kind == BIN_ADD && as == 1 && bs == 1) {
    for (u32 i = 0; i < n; i++) {
      y[i] = (i32) ((u32) a[i] + (u32) b[i]);
    }
  } else {
    for (u32 i = 0; i < n; i++, a += as, b += bs) {
      y[i] = apply(kind, *a, *b);
    }
  }
}

/* Fields: kind a b y inner aStep bStep nOuter, then nOuter x [size aStride bStride]. */
void op_binary(Ctx *c, const u32 *f, u32 n) {
  if (n < 8 || f[7] > MAX_DIMS || n != 8 + 3 * f[7] || f[0] > BIN_GREATER || f[4] == 0) {
    fail("plan: bad broadcast record", OP_BINARY);
  }
  u32 kind = f[0];
  const i32 *a = tensor_at(c, f[1], OP_BINARY);
  const i32 *b = tensor_at(c, f[2], OP_BINARY);
  i32 *y = tensor_at(c, f[3], OP_BINARY);
  u32 inner = f[4], as = f[5], bs = f[6], nd = f[7];
  const u32 *dim = f + 8;
  u32 idx[MAX_DIMS];
  for (u32 d = 0; d < nd; d++) {
    idx[d] = 0;
  }
  u32 ao = 0, bo = 0;
  for (;;) {
    run(kind, a + ao, as, b + bo, bs, y, inner);
    y += inner;
    /* Odometer over the outer dimensions, last one fastest. */
    u32 d = nd;
    for (;;) {
      if (d == 0) {
        return;
      }
      d--;
      const u32 *e = dim + 3 * d;
      ao += e[1];
      bo += e[2];
      if (++idx[d] < e[0]) {
        break;
      }
      ao -= e[1] * e[0];
      bo -= e[2] * e[0];
      idx[d] = 0;
    }
  }
}
