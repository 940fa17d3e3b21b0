package org.cvmj.mrt.nn;

/**
 * Elementwise functions of one argument (activations and math). Each constant has its own loop, so the JIT
 * compiles each as a straight loop over floats.
 */
enum UnaryFn {
  IDENTITY {
    @Override
    void run(float[] x, float[] y, int from, int to) {
      System.arraycopy(x, from, y, from, to - from);
    }
  },
  RELU {
    @Override
    void run(float[] x, float[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        y[i] = Math.max(x[i], 0f);
      }
    }
  },
  SIGMOID {
    @Override
    void run(float[] x, float[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        y[i] = (float) (1.0 / (1.0 + Math.exp(-x[i])));
      }
    }
  },
  TANH {
    @Override
    void run(float[] x, float[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        y[i] = (float) Math.tanh(x[i]);
      }
    }
  },
  /** log(1 + e^x); above 20 that is x in float32, and MXNet returns x there to avoid overflow. */
  SOFTRELU {
    @Override
    void run(float[] x, float[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        y[i] = x[i] > 20f ? x[i] : (float) Math.log1p(Math.exp(x[i]));
      }
    }
  },
  SOFTSIGN {
    @Override
    void run(float[] x, float[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        y[i] = x[i] / (1f + Math.abs(x[i]));
      }
    }
  },
  ABS {
    @Override
    void run(float[] x, float[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        y[i] = Math.abs(x[i]);
      }
    }
  },
  NEGATIVE {
    @Override
    void run(float[] x, float[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        y[i] = -x[i];
      }
    }
  },
  EXP {
    @Override
    void run(float[] x, float[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        y[i] = (float) Math.exp(x[i]);
      }
    }
  },
  LOG {
    @Override
    void run(float[] x, float[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        y[i] = (float) Math.log(x[i]);
      }
    }
  },
  SQRT {
    @Override
    void run(float[] x, float[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        y[i] = (float) Math.sqrt(x[i]);
      }
    }
  },
  SQUARE {
    @Override
    void run(float[] x, float[] y, int from, int to) {
      for (int i = from; i < to; i++) {
        y[i] = x[i] * x[i];
      }
    }
  };

  /** y[i] = f(x[i]) for from &lt;= i &lt; to. */
  abstract void run(float[] x, float[] y, int from, int to);

  /** f over a whole array, split across threads. */
  float[] apply(float[] x) {
    float[] y = new float[x.length];
    BatchSplit.run(x.length, 4, (from, to) -> run(x, y, from, to));
    return y;
  }
}
