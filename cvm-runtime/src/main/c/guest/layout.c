/*
 * Data movement: strided gathers (every transform operator whose output is a view of its input),
 * concatenate, take, max_pool2d and the reductions.
 */
#include "cvm.h"

/*
 * Fields: x y n base ndim, then ndim x [dim stride]. y[i] = x[base + sum_j c_j * stride_j] where c is
 * the row-major multi-index of i over dims. Offsets are computed modulo 2^32: strides may be negative.
 */
void op_gather(Ctx *c, const u32 *f, u32 n) {
  if (n < 5 || f[4] > MAX_DIMS || n != 5 + 2 * f[4] || f[4] == 0) {
    fail("plan: bad gather record", OP_GATHER);
  }
  const i32 *x = tensor_at(c, f[0], OP_GATHER);
  i32 *y = tensor_at(c, f[1], OP_GATHER);
  u32 count = f[2], off = f[3], nd = f[4];
  const u32 *dim = f + 5;
  u32 inner = dim[2 * (nd - 1)], step = dim[2 * (nd - 1) + 1];
  u32 idx[MAX_DIMS];
  for (u32 d = 0; d < nd; d++) {
    idx[d] = 0;
  }
  for (u32 i = 0; i < count; i += inner) {
    const i32 *s = x + off;
    if (step == 1) {
      for (u32 j = 0; j < inner; j++) {
        y[i + j] = s[j];
      }
    } else {
      u32 o = 0;
      for (u32 j = 0; j < inner; j++, o += step) {
        y[i + j] = x[off + o];
      }
    }
    /* Odometer over the dimensions outside the innermost one. */
    for (u32 d = nd - 1; d-- > 0;) {
      const u32 *e = dim + 2 * d;
      off += e[1];
      if (++idx[d] < e[0]) {
        break;
      }
      off -= e[1] * e[0];
      idx[d] = 0;
    }
  }
}

/* Fields: y outer nIn, then nIn x [x rowLen]. Each outer row of y is the inputs' rows in turn. */
void op_concat(Ctx *c, const u32 *f, u32 n) {
  if (n < 3 || n != 3 + 2 * f[2]) {
    fail("plan: bad concatenate record", OP_CONCAT);
  }
  i32 *y = tensor_at(c, f[0], OP_CONCAT);
  u32 outer = f[1], inputs = f[2];
  for (u32 o = 0; o < outer; o++) {
    for (u32 k = 0; k < inputs; k++) {
      u32 len = f[3 + 2 * k + 1];
      const i32 *x = tensor_at(c, f[3 + 2 * k], OP_CONCAT) + o * len;
      for (u32 j = 0; j < len; j++) {
        *y++ = x[j];
      }
    }
  }
}

/* Fields: x idx y outer m len inner. take: rows of `inner` elements picked by clamped indices. */
void op_take(Ctx *c, const u32 *f) {
  const i32 *x = tensor_at(c, f[0], OP_TAKE);
  const i32 *idx = tensor_at(c, f[1], OP_TAKE);
  i32 *y = tensor_at(c, f[2], OP_TAKE);
  u32 outer = f[3], m = f[4], len = f[5], inner = f[6];
  i32 last = (i32) len - 1;
  for (u32 o = 0; o < outer; o++) {
    for (u32 r = 0; r < m; r++) {
      i32 i = idx[r];
      i = i < 0 ? 0 : i > last ? last : i;
      const i32 *src = x + (o * len + (u32) i) * inner;
      for (u32 j = 0; j < inner; j++) {
        *y++ = src[j];
      }
    }
  }
}

/* Fields: x y planes H W OH OW PH PW SH SW padH padW. Taps in the padding are skipped, not zero. */
void op_maxpool(Ctx *c, const u32 *f) {
  const i32 *x = tensor_at(c, f[0], OP_MAXPOOL);
  i32 *y = tensor_at(c, f[1], OP_MAXPOOL);
  u32 planes = f[2], h = f[3], w = f[4], oh = f[5], ow = f[6], ph = f[7], pw = f[8];
  u32 sh = f[9], sw = f[10], padh = f[11], padw = f[12];
  if (ph == 2 && pw == 2 && padh == 0 && padw == 0 && oh > 0 && ow > 0 && (oh - 1) * sh + 2 <= h &&
      (ow - 1) * sw + 2 <= w) {
    /* 2x2 windows all inside the image (the common case): 4 loads and 3 maxima per output, no bounds. */
    for (u32 pl = 0; pl < planes; pl++, x += h * w) {
      for (u32 p = 0; p < oh; p++) {
        const i32 *r0 = x + p * sh * w;
        const i32 *r1 = r0 + w;
        for (u32 q = 0; q < ow; q++, r0 += sw, r1 += sw) {
          i32 a = r0[0] > r0[1] ? r0[0] : r0[1];
          i32 b = r1[0] > r1[1] ? r1[0] : r1[1];
          *y++ = a > b ? a : b;
        }
      }
    }
    return;
  }
  for (u32 pl = 0; pl < planes; pl++, x += h * w) {
    for (u32 p = 0; p < oh; p++) {
      i32 top = (i32) (p * sh) - (i32) padh;
      u32 r0 = top < 0 ? 0 : (u32) top;
      u32 r1 = (u32) (top + (i32) ph);
      r1 = r1 > h ? h : r1;
      for (u32 q = 0; q < ow; q++) {
        i32 left = (i32) (q * sw) - (i32) padw;
        u32 c0 = left < 0 ? 0 : (u32) left;
        u32 c1 = (u32) (left + (i32) pw);
        c1 = c1 > w ? w : c1;
        i32 best = (i32) 0x80000000u;
        for (u32 r = r0; r < r1; r++) {
          const i32 *row = x + r * w;
          for (u32 s = c0; s < c1; s++) {
            best = row[s] > best ? row[s] : best;
          }
        }
        *y++ = best;
      }
    }
  }
}

/*
 * Fields: kind x y outCount nKept nRed, then nKept x [size stride], nRed x [size stride] (input
 * strides). Output i combines the inputs at the kept position of i over every reduced position.
 */
void op_reduce(Ctx *c, const u32 *f, u32 n) {
  if (n < 6 || f[4] > MAX_DIMS || f[5] > MAX_DIMS || f[5] == 0 || n != 6 + 2 * (f[4] + f[5])) {
    fail("plan: bad reduce record", OP_REDUCE);
  }
  u32 kind = f[0];
  const i32 *x = tensor_at(c, f[1], OP_REDUCE);
  i32 *y = tensor_at(c, f[2], OP_REDUCE);
  u32 outs = f[3], nk = f[4], nr = f[5];
  const u32 *kept = f + 6;
  const u32 *red = kept + 2 * nk;
  u32 kidx[MAX_DIMS], ridx[MAX_DIMS];
  for (u32 d = 0; d < nk; d++) {
    kidx[d] = 0;
  }
  u32 base = 0;
  u32 inner = red[2 * (nr - 1)], step = red[2 * (nr - 1) + 1];
  for (u32 i = 0; i < outs; i++) {
    u32 acc = kind == RED_SUM ? 0 : 0x80000000u;
    for (u32 d = 0; d < nr; d++) {
      ridx[d] = 0;
    }
    u32 off = base;
    for (;;) {
      const i32 *s = x + off;
      if (kind == RED_SUM) {
        for (u32 j = 0; j < inner; j++, s += step) {
          acc += (u32) *s;
        }
      } else {
        for (u32 j = 0; j < inner; j++, s += step) {
          acc = *s > (i32) acc ? (u32) *s : acc;
        }
      }
      u32 d = nr - 1;
      for (;;) {
        if (d == 0) {
          goto done;
        }
        d--;
        off += red[2 * d + 1];
        if (++ridx[d] < red[2 * d]) {
          break;
        }
        off -= red[2 * d + 1] * red[2 * d];
        ridx[d] = 0;
      }
    }
  done:
    y[i] = (i32) acc;
    for (u32 d = nk; d-- > 0;) {
      base += kept[2 * d + 1];
      if (++kidx[d] < kept[2 * d]) {
        break;
      }
      base -= kept[2 * d + 1] * kept[2 * d];
      kidx[d] = 0;
    }
  }
}
