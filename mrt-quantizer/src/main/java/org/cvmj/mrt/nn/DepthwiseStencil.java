package org.cvmj.mrt.nn;

/**
 * Convolution of one channel plane with its own KH x KW filter (num_group = channels, one filter each): the
 * depthwise case, including the 1x1 per-channel scale the quantizer's prepare stage emits. A matrix product
 * would have a single row here, so the plane is instead accumulated tap by tap, each tap one
 * multiply-add over contiguous output rows.
 */
record DepthwiseStencil(int h, int w, int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw, int oh,
    int ow) {

  /** out[oOff ..] = bias + the filter at weight[wOff ..] slid over the plane at x[xOff ..]. */
  void apply(float[] x, int xOff, float[] weight, int wOff, float bias, float[] out, int oOff) {
    java.util.Arrays.fill(out, oOff, oOff + oh * ow, bias);
    for (int ky = 0; ky < kh; ky++) {
      for (int kx = 0; kx < kw; kx++) {
        float wt = weight[wOff + ky * kw + kx];
        int shift = kx * dw - pw;
        int lo = Math.max(0, -Math.floorDiv(shift, sw));
        int hi = Math.min(ow, Math.floorDiv(w - 1 - shift, sw) + 1);
        int firstRow = -ph + ky * dh;
        if (sw == 1 && sh == 1 && lo == 0 && hi == ow && ow == w && firstRow >= 0 && firstRow + oh <= h) {
          // Every output row reads a whole input row: the tap is one multiply-add over the plane.
          axpy(wt, x, xOff + firstRow * w + shift, out, oOff, 0, oh * ow);
          continue;
        }
        for (int oy = 0; oy < oh; oy++) {
          int iy = oy * sh - ph + ky * dh;
          if (iy < 0 || iy >= h || lo >= hi) {
            continue;
          }
          int src = xOff + iy * w + shift;
          int dst = oOff + oy * ow;
          if (sw == 1) {
            axpy(wt, x, src, out, dst, lo, hi);
          } else {
            for (int ox = lo; ox < hi; ox++) {
              out[dst + ox] += wt * x[src + ox * sw];
            }
          }
        }
      }
    }
  }

  private static void axpy(float a, float[] x, int xo, float[] y, int yo, int lo, int hi) {
    for (int i = lo; i < hi; i++) {
      y[yo + i] += a * x[xo + i];
    }
  }
}
