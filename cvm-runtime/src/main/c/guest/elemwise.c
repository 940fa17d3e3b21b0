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

/* What one fused requantisation pass does: its flags are constants in each instantiation. */
typedef struct {
  u32 s, s2;
  i32 lo, hi, m, lo2, hi2;
  const i32 *table;
} Requant;

/* One fused pass; with constant flags every combination gets its own loop without tests inside it. */
static inline __attribute__((always_inline)) void requant_loop(const i32 *x, const i32 *a, i32 *y, u32 n,
    const Requant *q, int add, int shift, int twice, int lookup) {
  u32 s = q->s, s2 = q->s2, m = (u32) q->m;
  i32 lo = q->lo, hi = q->hi, lo2 = q->lo2, hi2 = q->hi2;
  const i32 *table = q->table;
  for (u32 i = 0; i < n; i++) {
    i32 v = x[i];
    if (add) {
      v = (i32) ((u32) v + (u32) a[i]);
    }
    if (shift) {
      v = (i32) ((u32) (v >> s) + 1u) >> 1;
    }
    v = v < lo ? lo : v;
    v = v > hi ? hi : v;
    if (twice) {
      v = (i32) ((u32) v * m);
      v = (i32) ((u32) (v >> s2) + 1u) >> 1;
      v = v < lo2 ? lo2 : v;
      v = v > hi2 ? hi2 : v;
    }
    if (lookup) {
      v = table[(u32) (v - lo2)];
    }
    y[i] = v;
  }
}

#define REQUANT_CASE(k) \
  case k: requant_loop(x, a, y, n, &q, (k) & 1, (k) >> 1 & 1, (k) >> 2 & 1, (k) >> 3 & 1); break

/*
 * Fields: x a y n s lo hi m s2 lo2 hi2 table (a, table: -1 for none; s, s2: -1 for no shift). A chain of
 * requantisation operators fused by the encoder: v = x (+ a); v = ((v >> s) + 1) >> 1; clamp to
 * [lo, hi]; when s2 is set, v = ((v * m >> s2) + 1) >> 1 clamped to [lo2, hi2]; v = table[v - lo2].
 */
void op_requant(Ctx *c, const u32 *f) {
  const i32 *x = tensor_at(c, f[0], OP_REQUANT);
  const i32 *a = f[1] == NULL_ID ? 0 : tensor_at(c, f[1], OP_REQUANT);
  i32 *y = tensor_at(c, f[2], OP_REQUANT);
  u32 n = f[3];
  Requant q;
  q.s = f[4] & 31;
  q.lo = (i32) f[5];
  q.hi = (i32) f[6];
  q.m = (i32) f[7];
  q.s2 = f[8] & 31;
  q.lo2 = (i32) f[9];
  q.hi2 = (i32) f[10];
  q.table = f[11] == NULL_ID ? 0 : tensor_at(c, f[11], OP_REQUANT);
  if (q.lo > q.hi || q.lo2 > q.hi2 || (q.table && c->count[f[11]] != (u32) (q.hi2 - q.lo2) + 1u)) {
    fail("plan: bad requant range", OP_REQUANT);
  }
  u32 kind = (a != 0) | (f[4] != NULL_ID) << 1 | (f[8] != NULL_ID) << 2 | (q.table != 0) << 3;
  switch (kind) {
    REQUANT_CASE(0); REQUANT_CASE(1); REQUANT_CASE(2); REQUANT_CASE(3);
    REQUANT_CASE(4); REQUANT_CASE(5); REQUANT_CASE(6); REQUANT_CASE(7);
    REQUANT_CASE(8); REQUANT_CASE(9); REQUANT_CASE(10); REQUANT_CASE(11);
    REQUANT_CASE(12); REQUANT_CASE(13); REQUANT_CASE(14); default: REQUANT_CASE(15);
  }
}
