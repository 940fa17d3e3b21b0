package org.cvmj.mrt.nn;

/**
 * The elementwise binary functions of the elemwise_*, broadcast_* and *_scalar operators. Each constant has
 * its own loop over a run of n outputs whose operands advance by stride 0 (a broadcast value) or 1, so that
 * every loop calls one known function and the JIT compiles it straight.
 */
enum BinaryFn {
  ADD {
    @Override
    void run(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int n) {
      for (int i = 0; i < n; i++) {
        o[oo + i] = a[ao + i * as] + b[bo + i * bs];
      }
    }
  },
  SUB {
    @Override
    void run(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int n) {
      for (int i = 0; i < n; i++) {
        o[oo + i] = a[ao + i * as] - b[bo + i * bs];
      }
    }
  },
  MUL {
    @Override
    void run(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int n) {
      for (int i = 0; i < n; i++) {
        o[oo + i] = a[ao + i * as] * b[bo + i * bs];
      }
    }
  },
  DIV {
    @Override
    void run(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int n) {
      for (int i = 0; i < n; i++) {
        o[oo + i] = a[ao + i * as] / b[bo + i * bs];
      }
    }
  },
  MAX {
    @Override
    void run(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int n) {
      for (int i = 0; i < n; i++) {
        o[oo + i] = Math.max(a[ao + i * as], b[bo + i * bs]);
      }
    }
  },
  MIN {
    @Override
    void run(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int n) {
      for (int i = 0; i < n; i++) {
        o[oo + i] = Math.min(a[ao + i * as], b[bo + i * bs]);
      }
    }
  },
  POW {
    @Override
    void run(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int n) {
      for (int i = 0; i < n; i++) {
        o[oo + i] = (float) Math.pow(a[ao + i * as], b[bo + i * bs]);
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
