/*
 * conv2d and dense: the only kernels where MIPS steps matter. Both keep a block of sums in registers for
 * the whole reduction and walk the operands with pointer increments, so the inner loop is loads,
 * mul + addu per product, two pointer bumps and one branch (docs/mips-guest.md has the counts).
 * Weights arrive pre-blocked from the encoder: conv [group][block of 4 channels][k][4 + tap offset],
 * dense [block of 8 units][k][8], zero-padded, so the kernels never transpose or test a channel count
 * inside the loop. conv2d has no column matrix: each reduction step carries its tap's offset into the
 * (padded) input, and the tile reads the input there directly. Sums are uint32_t: int32 addition wraps,
 * the precision rule proves it never does here.
 */
#include "cvm.h"

typedef void Tile(const u32 *w, const u32 *wend, const u32 *x, i32 *y, u32 ystride, const i32 *bias);

static u32 min_u(u32 a, u32 b) {
  return a < b ? a : b;
}

/*
 * The input laid out for conv_tile: each channel a plane of hp rows of sw phases of l words, phase ph
 * holding padded columns ph, ph + sw, ph + 2 sw, ... (zero in the padding). Output column q's tap at
 * padded column q * sw + t then lies at phase t % sw, index q + t / sw: consecutive output pixels read
 * consecutive words whatever the stride, so one tap offset per reduction step serves every tile.
 */
static void pad_copy(const i32 *x, i32 *dst, u32 ch, u32 h, u32 w, u32 ph, u32 pw, u32 sw, u32 hp, u32 l) {
  for (u32 c = 0; c < ch; c++, x += h * w) {
    for (u32 row = 0; row < hp; row++) {
      u32 ih = row - ph; /* wraps above the image, so one unsigned test */
      for (u32 phase = 0; phase < sw; phase++, dst += l) {
        /* Padded column i * sw + phase is image column i * sw + phase - pw for i in [lo, hi). */
        u32 lo = phase >= pw ? 0 : (pw - phase + sw - 1) / sw;
        u32 hi = w + pw <= phase ? 0 : min_u(l, (w + pw - phase + sw - 1) / sw);
        u32 i = 0;
        if (ih < h && lo < hi) {
          for (; i < lo; i++) {
            dst[i] = 0;
          }
          const i32 *s = x + ih * w + (lo * sw + phase - pw);
          for (; i < hi; i++, s += sw) {
            dst[i] = *s;
          }
        }
        for (; i < l; i++) {
          dst[i] = 0;
        }
      }
    }
  }
}

/*
 * Fields: x w b y scratch N C H W OC OH OW SH SW PH PW G K COPY HP L TAPS. w: [group][block of 4 channels]
 * [k / TAPS][TAPS x 4 weights, tap offset], the offsets into planes of HP x SW*L words: the padded copy in
 * scratch when COPY, else the input itself (then SW = 1, HP = H, L = W). TAPS 3: the row tile, whose
 * steps hold 3 adjacent taps of a kernel row (the encoder uses it only at unit column stride and dilation).
 */
void op_conv2d(Ctx *c, const u32 *f) {
  const i32 *x = tensor_at(c, f[0], OP_CONV2D);
  const u32 *w = (const u32 *) tensor_at(c, f[1], OP_CONV2D);
  const i32 *bias = f[2] == NULL_ID ? 0 : tensor_at(c, f[2], OP_CONV2D);
  i32 *y = tensor_at(c, f[3], OP_CONV2D);
  i32 *scratch = tensor_at(c, f[4], OP_CONV2D);
  u32 n = f[5], ch = f[6], h = f[7], wd = f[8], oc = f[9], oh = f[10], ow = f[11], sh = f[12], sw = f[13];
  u32 groups = f[16], k = f[17], copy = f[18], hp = f[19], l = f[20], taps = f[21];
  if (taps != 1 && (taps != 3 || k % 3 != 0)) {
    fail("plan: conv2d taps per step must be 1, or 3 dividing K; got", taps);
  }
  Tile *tile = taps == 3 ? conv_tile3 : conv_tile;
  u32 bwords = taps == 3 ? CONV_STEP3 * (k / 3) : CONV_STEP * k;
  u32 ipg = ch / groups, opg = oc / groups;
  u32 pixels = oh * ow;
  u32 wrow = sw * l, plane = hp * wrow;
  u32 blocks = (opg + 3) / 4;
  /* When input rows are exactly output rows apart, pixels run on across rows and tiles may too. */
  u32 rows = oh, width = ow;
  if (wrow == ow && sh == 1) {
    rows = 1;
    width = pixels;
  }
  if (k == 1 && ipg == 1 && opg == 1 && !copy && rows == 1) {
    /* A 1x1 conv with one channel per group (a per-channel scale): a 4-channel tile would waste 3 of
       its lanes and its bias/store overhead on every 4 pixels, so each plane is one multiply-add pass.
       Each group's single step is [weight, 0, 0, 0, offset 0]. */
    for (u32 img = 0; img < n; img++) {
      for (u32 g = 0; g < groups; g++) {
        u32 wt = w[g * CONV_STEP];
        u32 b0 = bias ? (u32) bias[g] : 0;
        const u32 *xp = (const u32 *) x + (img * ch + g) * pixels;
        i32 *yp = y + (img * oc + g) * pixels;
        for (u32 i = 0; i < pixels; i++) {
          yp[i] = (i32) (b0 + wt * xp[i]);
        }
      }
    }
    return;
  }
  for (u32 img = 0; img < n; img++) {
    const i32 *src = x + img * ch * h * wd;
    if (copy) {
      pad_copy(src, scratch, ch, h, wd, f[14], f[15], sw, hp, l);
      src = scratch;
    }
    for (u32 g = 0; g < groups; g++) {
      const u32 *xg = (const u32 *) src + g * ipg * plane;
      for (u32 b = 0; b < blocks; b++) {
        u32 first = g * opg + 4 * b;
        u32 count = min_u(4, opg - 4 * b);
        i32 b4[4] = {0, 0, 0, 0};
        for (u32 i = 0; bias && i < count; i++) {
          b4[i] = bias[first + i];
        }
        const u32 *wb = w + (g * blocks + b) * bwords;
        const u32 *wend = wb + bwords;
        i32 *yb = y + (img * oc + first) * pixels;
        for (u32 r = 0; r < rows; r++) {
          const u32 *xr = xg + r * sh * wrow;
          i32 *yr = yb + r * width;
          for (u32 q = 0; q < width; q += 4) {
            if (count == 4 && width - q >= 4) {
              tile(wb, wend, xr + q, yr + q, 4 * pixels, b4);
              continue;
            }
            /* A partial tile: lanes past the row or channels past the block must not be written. */
            i32 t[16];
            tile(wb, wend, xr + q, t, 16, b4);
            u32 lanes = min_u(4, width - q);
            for (u32 i = 0; i < count; i++) {
              for (u32 j = 0; j < lanes; j++) {
                yr[i * pixels + q + j] = t[4 * i + j];
              }
            }
          }
        }
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
