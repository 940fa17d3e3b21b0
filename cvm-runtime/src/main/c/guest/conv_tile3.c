/*
 * conv_tile3 for the native build: the meaning of the MIPS build's hand-written row tile (conv_tile3.S).
 * Each reduction step holds 3 horizontally adjacent taps of one kernel row; for 4 channels and 4 pixels,
 * y[ch][j] = bias[ch] + sum over steps and t < 3 of w[4 t + ch] * x[off / 4 + t + j], wrapping modulo 2^32.
 */
#include "cvm.h"

void conv_tile3(const u32 *w, const u32 *wend, const u32 *x, i32 *y, u32 ystride, const i32 *bias) {
  u32 acc[4][4];
  for (u32 ch = 0; ch < 4; ch++) {
    for (u32 j = 0; j < 4; j++) {
      acc[ch][j] = (u32) bias[ch];
    }
  }
  for (; w != wend; w += CONV_STEP3) {
    const u32 *xp = x + w[12] / 4;
    for (u32 t = 0; t < 3; t++) {
      for (u32 ch = 0; ch < 4; ch++) {
        for (u32 j = 0; j < 4; j++) {
          acc[ch][j] += w[4 * t + ch] * xp[t + j];
        }
      }
    }
  }
  for (u32 ch = 0; ch < 4; ch++, y = (i32 *) ((u8 *) y + ystride)) {
    for (u32 j = 0; j < 4; j++) {
      y[j] = (i32) acc[ch][j];
    }
  }
}
