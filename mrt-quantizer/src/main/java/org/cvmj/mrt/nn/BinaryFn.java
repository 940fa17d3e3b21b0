package org.cvmj.mrt.nn;

/**
 * The elementwise binary functions of the elemwise_*, broadcast_* and *_scalar operators. Each constant has
 * its own loops over a run of n outputs whose operands advance by stride 0 (a broadcast value) or 1, one loop
 * per stride pattern with the broadcast value in a local, so that the JIT compiles each as a straight
 * (vectorisable) loop over one known function.
 */
enum BinaryFn {
  ADD {
    @Override
    void run(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int n) {
      if (as == 1 && bs == 1) {
        for (int i = 0; i < n; i++) {
          o[oo + i] = a[ao + i] + b[bo + i];
        }
      } else if (as == 1) {
        float s = b[bo];
        for (int i = 0; i < n; i++) {
          o[oo + i] = a[ao + i] + s;
        }
      } else if (bs == 1) {
        float s = a[ao];
        for (int i = 0; i < n; i++) {
          o[oo + i] = s + b[bo + i];
        }
      } else {
        for (int i = 0; i < n; i++) {
          o[oo + i] = a[ao + i * as] + b[bo + i * bs];
        }
      }
    }
  },
  SUB {
    @Override
    void run(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int n) {
      if (as == 1 && bs == 1) {
        for (int i = 0; i < n; i++) {
          o[oo + i] = a[ao + i] - b[bo + i];
        }
      } else if (as == 1) {
        float s = b[bo];
        for (int i = 0; i < n; i++) {
          o[oo + i] = a[ao + i] - s;
        }
      } else if (bs == 1) {
        float s = a[ao];
        for (int i = 0; i < n; i++) {
          o[oo + i] = s - b[bo + i];
        }
      } else {
        for (int i = 0; i < n; i++) {
          o[oo + i] = a[ao + i * as] - b[bo + i * bs];
        }
      }
    }
  },
  MUL {
    @Override
    void run(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int n) {
      if (as == 1 && bs == 1) {
        for (int i = 0; i < n; i++) {
          o[oo + i] = a[ao + i] * b[bo + i];
        }
      } else if (as == 1) {
        float s = b[bo];
        for (int i = 0; i < n; i++) {
          o[oo + i] = a[ao + i] * s;
        }
      } else if (bs == 1) {
        float s = a[ao];
        for (int i = 0; i < n; i++) {
          o[oo + i] = s * b[bo + i];
        }
      } else {
        for (int i = 0; i < n; i++) {
          o[oo + i] = a[ao + i * as] * b[bo + i * bs];
        }
      }
    }
  },
  DIV {
    @Override
    void run(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int n) {
      if (as == 1 && bs == 1) {
        for (int i = 0; i < n; i++) {
          o[oo + i] = a[ao + i] / b[bo + i];
        }
      } else if (as == 1) {
        float s = b[bo];
        for (int i = 0; i < n; i++) {
          o[oo + i] = a[ao + i] / s;
        }
      } else if (bs == 1) {
        float s = a[ao];
        for (int i = 0; i < n; i++) {
          o[oo + i] = s / b[bo + i];
        }
      } else {
        for (int i = 0; i < n; i++) {
          o[oo + i] = a[ao + i * as] / b[bo + i * bs];
        }
      }
    }
  },
  MAX {
    @Override
    void run(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int n) {
      if (as == 1 && bs == 1) {
        for (int i = 0; i < n; i++) {
          o[oo + i] = Math.max(a[ao + i], b[bo + i]);
        }
      } else if (as == 1) {
        float s = b[bo];
        for (int i = 0; i < n; i++) {
          o[oo + i] = Math.max(a[ao + i], s);
        }
      } else if (bs == 1) {
        float s = a[ao];
        for (int i = 0; i < n; i++) {
          o[oo + i] = Math.max(s, b[bo + i]);
        }
      } else {
        for (int i = 0; i < n; i++) {
          o[oo + i] = Math.max(a[ao + i * as], b[bo + i * bs]);
        }
      }
    }
  },
  MIN {
    @Override
    void run(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int n) {
      if (as == 1 && bs == 1) {
        for (int i = 0; i < n; i++) {
          o[oo + i] = Math.min(a[ao + i], b[bo + i]);
        }
      } else if (as == 1) {
        float s = b[bo];
        for (int i = 0; i < n; i++) {
          o[oo + i] = Math.min(a[ao + i], s);
        }
      } else if (bs == 1) {
        float s = a[ao];
        for (int i = 0; i < n; i++) {
          o[oo + i] = Math.min(s, b[bo + i]);
        }
      } else {
        for (int i = 0; i < n; i++) {
          o[oo + i] = Math.min(a[ao + i * as], b[bo + i * bs]);
        }
      }
    }
  },
  POW {
    @Override
    void run(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int n) {
      if (as == 1 && bs == 1) {
        for (int i = 0; i < n; i++) {
          o[oo + i] = (float) Math.pow(a[ao + i], b[bo + i]);
        }
      } else if (as == 1) {
        float s = b[bo];
        for (int i = 0; i < n; i++) {
          o[oo + i] = (float) Math.pow(a[ao + i], s);
        }
      } else if (bs == 1) {
        float s = a[ao];
        for (int i = 0; i < n; i++) {
          o[oo + i] = (float) Math.pow(s, b[bo + i]);
        }
      } else {
        for (int i = 0; i < n; i++) {
          o[oo + i] = (float) Math.pow(a[ao + i * as], b[bo + i * bs]);
        }
      }
    }
  };

  /** o[oo + i] = f(a[ao + i*as], b[bo + i*bs]) for i &lt; n; strides are 0 or 1. */
  abstract void run(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int n);

  /** Whole arrays of one length, split across threads (elemwise and scalar operators). */
  void apply(float[] a, int as, float[] b, int bs, float[] o) {
    BatchSplit.run(o.length, 1, (from, to) -> run(a, from * as, as, b, from * bs, bs, o, from, to - from));
  }
}
