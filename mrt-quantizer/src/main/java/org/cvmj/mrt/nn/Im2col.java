package org.cvmj.mrt.nn;

import java.util.Arrays;

/**
 * Unfolds a C x H x W image into the (C * KH * KW) x (OH * OW) matrix whose product with the (F x C*KH*KW)
 * weight matrix is the convolution. Row (c, ky, kx) holds, for every output pixel, the input pixel that
 * kernel tap sees, or 0 where the tap falls into the padding.
 */
record Im2col(int channels, int h, int w, int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw, int oh,
    int ow) {

  int rows() {
    return channels * kh * kw;
  }

  int cols() {
    return oh * ow;
  }

  /** Fills {@code col} (rows() x cols()) from the image starting at {@code x[xOff]}. */
  void unfold(float[] x, int xOff, float[] col) {
    int row = 0;
    for (int c = 0; c < channels; c++) {
      int plane = xOff + c * h * w;
      for (int ky = 0; ky < kh; ky++) {
        for (int kx = 0; kx < kw; kx++, row++) {
          int shift = kx * dw - pw;
          // Output columns whose input column 0 <= ox*sw + shift < w.
          int lo = Math.max(0, -Math.floorDiv(shift, sw));
          int hi = Math.min(ow, Math.floorDiv(w - 1 - shift, sw) + 1);
          if (hi < lo) {
            hi = lo;
          }
          for (int oy = 0; oy < oh; oy++) {
            int dst = row * oh * ow + oy * ow;
            int iy = oy * sh - ph + ky * dh;
            if (iy < 0 || iy >= h || lo >= hi) {
              Arrays.fill(col, dst, dst + ow, 0f);
              continue;
            }
            Arrays.fill(col, dst, dst + lo, 0f);
            int src = plane + iy * w + shift;
            if (sw == 1) {
              System.arraycopy(x, src + lo, col, dst + lo, hi - lo);
            } else {
              for (int ox = lo; ox < hi; ox++) {
                col[dst + ox] = x[src + ox * sw];
              }
            }
            Arrays.fill(col, dst + hi, dst + ow, 0f);
          }
        }
      }
    }
  }
}
