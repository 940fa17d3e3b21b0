/*
 * conv_tile for the native build: the meaning of the MIPS build's hand-written loop (conv_tile.S), which
 * the native build cannot assemble. Both compute, for 4 channels and 4 pixels,
 * y[ch][j] = bias[ch] + sum over steps of w[ch] * x[off / 4 + j], wrapping modulo 2^32.
 */
#include "cvm.h"

void conv_tile(const u32 *w, const u32 *wend, const u32 *x, i32 *y, u32 ystride, const i32 *bias) {
  u32 acc[4][4];
  for (u32 ch = 0; ch < 4; ch++) {
    for (u32 j = 0; j < 4; j++) {
      acc[ch][j] = (u32) bias[ch];
    }
  }
  for (; w != wend; w += CONV_STEP) {
    const u32 *xp = x + w[4] / 4;
    for (u32 ch = 0; ch < 4; ch++) {
      for (u32 j = 0; j < 4; j++) {
        acc[ch][j] += w[ch] * xp[j];
      }
    }
  }
  for (u32 ch = 0; ch < 4; ch++, y = (i32 *) ((u8 *) y + ystride)) {
    for (u32 j = 0; j < 4; j++) {
      y[j] = (i32) acc[ch][j];
    }
  }
}
