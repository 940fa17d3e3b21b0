/* Elementwise kernels: requantisation (clip, shifts), unary maps, the lookup table and where. */
#include "cvm.h"

/* Fields: x y n lo hi. relu, cvm_clip and clip: y = min(max(x, lo), hi). */
void op_clip(Ctx *c, const u32 *f) {
  const i32 *x = tensor_at(c, f[0], OP_CLIP);
  i32 *y = tensor_at(c, f[1], OP_CLIP);
  u32 n = f[2];
  i32 lo = (i32) f[3], hi = (i32) f[4];
  for (u32 i = 0; i < n; i++) {
    i32 v = x[i];
    v = v < lo ? lo : v;
    y[i] = v > hi ? hi : v;
  }
}

/* Fields: x y n s lo hi. cvm_right_shift: round half up by shift_bit (s = shift_bit - 1), then clip. */
void op_rshift(Ctx *c, const u32 *f) {
  const i32 *x = tensor_at(c, f[0], OP_RSHIFT);
  i32 *y = tensor_at(c, f[1], OP_RSHIFT);
  u32 n = f[2], s = f[3] & 31;
  i32 lo = (i32) f[4], hi = (i32) f[5];
  for (u32 i = 0; i < n; i++) {
    /* (x >> s) + 1 wraps like Java's int when x >> s is INT_MAX. */
    i32 v = (i32) ((u32) (x[i] >> s) + 1u) >> 1;
    v = v < lo ? lo : v;
    y[i] = v > hi ? hi : v;
  }
}

/* Fields: x y n s lo hi. cvm_left_shift: y = clip(x << s). */
void op_lshift(Ctx *c, const u32 *f) {
  const i32 *x = tensor_at(c, f[0], OP_LSHIFT);
  i32 *y = tensor_at(c, f[1], OP_LSHIFT);
  u32 n = f[2], s = f[3] & 31;
  i32 lo = (i32) f[4], hi = (i32) f[5];
  for (u32 i = 0; i < n; i++) {
    i32 v = (i32) ((u32) x[i] << s);
    v = v < lo ? lo : v;
    y[i] = v > hi ? hi : v;
  }
}

/* Bits of |v| (at least 1), as cvm_precision computes it on the 64-bit absolute value. */
static i32 precision_of(i32 v) {
  u32 a = v < 0 ? 0u - (u32) v : (u32) v;
  i32 bits = 0;
  while (a != 0) {
    bits++;
    a >>= 1;
  }
  return bits < 1 ? 1 : bits;
}

/* Fields: kind x y n. abs, negative, cvm_precision. */
void op_unary(Ctx *c, const u32 *f) {
  u32 kind = f[0];
  const i32 *x = tensor_at(c, f[1], OP_UNARY);
  i32 *y = tensor_at(c, f[2], OP_UNARY);
  u32 n = f[3];
  for (u32 i = 0; i < n; i++) {
    i32 v = x[i];
    if (kind == UN_ABS) {
      y[i] = v < 0 ? (i32) (0u - (u32) v) : v;
    } else if (kind == UN_NEG) {
      y[i] = (i32) (0u - (u32) v);
    } else {
      y[i] = precision_of(v);
    }
  }
}

/* Fields: x table y n last. cvm_lut: y = table[clamp(x, 0, last)]. */
void op_lut(Ctx *c, const u32 *f) {
  const i32 *x = tensor_at(c, f[0], OP_LUT);
  const i32 *table = tensor_at(c, f[1], OP_LUT);
  i32 *y = tensor_at(c, f[2], OP_LUT);
  u32 n = f[3];
  i32 last = (i32) f[4];
  for (u32 i = 0; i < n; i++) {
    i32 v = x[i];
    v = v < 0 ? 0 : v > last ? last : v;
    y[i] = table[v];
  }
}

/* Fields: cond a b y rows rowLen perRow. where: per element, or one condition per row. */
void op_where(Ctx *c, const u32 *f) {
  const i32 *cond = tensor_at(c, f[0], OP_WHERE);
  const i32 *a = tensor_at(c, f[1], OP_WHERE);
  const i32 *b = tensor_at(c, f[2], OP_WHERE);
  i32 *y = tensor_at(c, f[3], OP_WHERE);
  u32 rows = f[4], len = f[5], per_row = f[6];
  for (u32 r = 0, i = 0; r < rows; r++) {
    for (u32 j = 0; j < len; j++, i++) {
      i32 t = per_row ? cond[r] : cond[i];
      y[i] = t != 0 ? a[i] : b[i];
    }
  }
}
