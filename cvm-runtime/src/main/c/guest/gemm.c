/*
 * conv2d and dense: the only kernels where MIPS steps matter. Both keep a block of sums in registers for
 * the whole reduction and walk the operands with pointer increments, so the inner loop is loads,
 * mul + addu per product, two pointer bumps and one branch (docs/mips-guest.md has the counts).
 * Weights arrive pre-blocked from the encoder: conv [group][block of 4 channels][k][4], dense
 * [block of 8 units][k][8], zero-padded, so the kernels never transpose or test a channel count inside
 * the loop. Sums are uint32_t: int32 addition wraps, the precision rule proves it never does here.
 */
#include "cvm.h"

static u32 min_u(u32 a, u32 b) {
  return a < b ? a : b;
}

/*
 * y[ch][p] = bias[ch] + sum_k w[k][ch] * col[k][p] for ch < count (at most 4) and every pixel p < pixels.
 * col rows are `stride` words apart; a row may be read up to 2 words past `pixels`.
 */
static void gemm_4x3(const u32 *w, u32 k, const u32 *col, u32 stride, u32 pixels, const i32 *bias,
    u32 count, i32 *y) {
  u32 b0 = 0, b1 = 0, b2 = 0, b3 = 0;
  if (bias) {
    b0 = (u32) bias[0];
    b1 = count > 1 ? (u32) bias[1] : 0;
    b2 = count > 2 ? (u32) bias[2] : 0;
    b3 = count > 3 ? (u32) bias[3] : 0;
  }
  const u32 *wend = w + 4 * k;
  for (u32 p = 0; p < pixels; p += 3) {
    u32 a00 = b0, a01 = b0, a02 = b0;
    u32 a10 = b1, a11 = b1, a12 = b1;
    u32 a20 = b2, a21 = b2, a22 = b2;
    u32 a30 = b3, a31 = b3, a32 = b3;
    const u32 *wp = w;
    const u32 *xp = col + p;
    do {
      u32 x0 = xp[0], x1 = xp[1], x2 = xp[2];
      u32 w0 = wp[0];
      a00 += w0 * x0; a01 += w0 * x1; a02 += w0 * x2;
      u32 w1 = wp[1];
      a10 += w1 * x0; a11 += w1 * x1; a12 += w1 * x2;
      u32 w2 = wp[2];
      a20 += w2 * x0; a21 += w2 * x1; a22 += w2 * x2;
      u32 w3 = wp[3];
      a30 += w3 * x0; a31 += w3 * x1; a32 += w3 * x2;
      wp += 4;
      xp += stride;
    } while (wp != wend);
    u32 rem = min_u(3, pixels - p);
    i32 *o = y + p;
    u32 acc[4][3] = {{a00, a01, a02}, {a10, a11, a12}, {a20, a21, a22}, {a30, a31, a32}};
    for (u32 ch = 0; ch < count; ch++, o += pixels) {
      for (u32 j = 0; j < rem; j++) {
        o[j] = (i32) acc[ch][j];
      }
    }
  }
}

/* Column row kk = tap (c, fh, fw) for every output pixel, zero where the tap falls in the padding. */
static void im2col(const i32 *x, const u32 *f, i32 *col, u32 stride) {
  u32 ipg = f[6] / f[20], h = f[7], w = f[8], kh = f[10], kw = f[11], oh = f[12], ow = f[13];
  u32 sh = f[14], sw = f[15], ph = f[16], pw = f[17], dh = f[18], dw = f[19];
  i32 *row = col;
  for (u32 c = 0; c < ipg; c++) {
    const i32 *plane = x + c * h * w;
    for (u32 fh = 0; fh < kh; fh++) {
      for (u32 fw = 0; fw < kw; fw++, row += stride) {
        i32 rowOff = (i32) (fh * dh) - (i32) ph;
        i32 colOff = (i32) (fw * dw) - (i32) pw;
        /* Output columns whose input column lies inside the image. */
        u32 qlo = colOff >= 0 ? 0 : min_u(ow, ((u32) -colOff + sw - 1) / sw);
        u32 qhi = colOff >= (i32) w ? 0 : min_u(ow, ((u32) ((i32) w - colOff) + sw - 1) / sw);
        if (qhi < qlo) {
          qhi = qlo;
        }
        i32 *dst = row;
        for (u32 r = 0; r < oh; r++, dst += ow) {
          i32 ih = (i32) (r * sh) + rowOff;
          u32 q = 0;
          if (ih < 0 || ih >= (i32) h) {
            for (; q < ow; q++) {
              dst[q] = 0;
            }
            continue;
          }
          for (; q < qlo; q++) {
            dst[q] = 0;
          }
          /* Signed: colOff may be negative (left padding), src[q] is only read for q >= qlo. */
          const i32 *src = plane + (ih * (i32) w + colOff);
          if (sw == 1) {
            for (; q < qhi; q++) {
              dst[q] = src[q];
            }
          } else {
            const i32 *s = src + q * sw;
            for (; q < qhi; q++, s += sw) {
              dst[q] = *s;
            }
          }
          for (; q < ow; q++) {
            dst[q] = 0;
          }
        }
      }
    }
  }
}

/* Fields: x w b y scratch N C H W OC KH KW OH OW SH SW PH PW DH DW G. */
void op_conv2d(Ctx *c, const u32 *f) {
  const i32 *x = tensor_at(c, f[0], OP_CONV2D);
  const u32 *w = (const u32 *) tensor_at(c, f[1], OP_CONV2D);
  const i32 *bias = f[2] == NULL_ID ? 0 : tensor_at(c, f[2], OP_CONV2D);
  i32 *y = tensor_at(c, f[3], OP_CONV2D);
  i32 *scratch = tensor_at(c, f[4], OP_CONV2D);
  u32 n = f[5], ch = f[6], h = f[7], wd = f[8], oc = f[9], kh = f[10], kw = f[11];
  u32 groups = f[20];
  u32 ipg = ch / groups, opg = oc / groups;
  u32 pixels = f[12] * f[13];
  u32 k = ipg * kh * kw;
  u32 blocks = (opg + 3) / 4;
  int direct = kh == 1 && kw == 1 && f[14] == 1 && f[15] == 1 && f[16] == 0 && f[17] == 0;
  /* Column rows padded to whole 3-pixel tiles. */
  u32 stride = direct ? pixels : (pixels + 2) / 3 * 3;
  for (u32 img = 0; img < n; img++) {
    for (u32 g = 0; g < groups; g++) {
      const i32 *plane = x + (img * ch + g * ipg) * h * wd;
      const i32 *col = plane;
      if (!direct) {
        im2col(plane, f, scratch, stride);
        col = scratch;
      }
      for (u32 b = 0; b < blocks; b++) {
        u32 first = g * opg + 4 * b;
        u32 count = min_u(4, opg - 4 * b);
        gemm_4x3(w + (g * blocks + b) * 4 * k, k, (const u32 *) col, stride, pixels,
            bias ? bias + first : 0, count, y + (img * oc + first) * pixels);
      }
    }
  }
}

/* Fields: x w b y M K UNITS; y[m][u] = b[u] + sum_k x[m][k] * w[u][k]. */
void op_dense(Ctx *c, const u32 *f) {
  const u32 *x = (const u32 *) tensor_at(c, f[0], OP_DENSE);
  const u32 *w = (const u32 *) tensor_at(c, f[1], OP_DENSE);
  const i32 *bias = f[2] == NULL_ID ? 0 : tensor_at(c, f[2], OP_DENSE);
  i32 *y = tensor_at(c, f[3], OP_DENSE);
  u32 m = f[4], k = f[5], units = f[6];
  for (u32 row = 0; row < m; row++, x += k, y += units) {
    const u32 *wb = w;
    for (u32 u = 0; u < units; u += 8, wb += 8 * k) {
      u32 count = min_u(8, units - u);
      u32 acc[8];
      for (u32 i = 0; i < 8; i++) {
        acc[i] = bias && i < count ? (u32) bias[u + i] : 0;
      }
      u32 a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3];
      u32 a4 = acc[4], a5 = acc[5], a6 = acc[6], a7 = acc[7];
      const u32 *wp = wb;
      const u32 *xp = x;
      const u32 *xend = x + k;
      do {
        u32 v = *xp++;
        a0 += wp[0] * v; a1 += wp[1] * v; a2 += wp[2] * v; a3 += wp[3] * v;
        a4 += wp[4] * v; a5 += wp[5] * v; a6 += wp[6] * v; a7 += wp[7] * v;
        wp += 8;
      } while (xp != xend);
      acc[0] = a0; acc[1] = a1; acc[2] = a2; acc[3] = a3;
      acc[4] = a4; acc[5] = a5; acc[6] = a6; acc[7] = a7;
      for (u32 i = 0; i < count; i++) {
        y[u + i] = (i32) acc[i];
      }
    }
  }
}
