package org.cvmj.mrt.nn;

import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.graph.FNode;
import org.cvmj.mrt.graph.FTensor;
import org.cvmj.mrt.graph.MxAttrs;

/**
 * Softmax family at inference. {@code softmax} / {@code log_softmax}: along {@code axis} (default -1) of
 * x / temperature. {@code SoftmaxOutput}: over all axes but the first (axis 1 when multi_output, the last
 * when preserve_shape); its label input is training-only. {@code SoftmaxActivation}: over all axes but the
 * first (mode instance) or axis 1 (mode channel). Each slice is shifted by its maximum before exp.
 */
final class SoftmaxOp extends NodeOp {
  /** Marks "all axes but the first" in place of an axis. */
  private static final int FLAT = Integer.MIN_VALUE;

  private final int axisAttr;
  private final double temperature;
  private final boolean log;
  private final boolean hasLabel;

  private SoftmaxOp(FNode node, int axis, double temperature, boolean log, boolean hasLabel) {
    super(node);
    this.axisAttr = axis;
    this.temperature = temperature;
    this.log = log;
    this.hasLabel = hasLabel;
    if (!(temperature > 0)) {
      throw fail("temperature must be positive, got " + temperature);
    }
  }

  static SoftmaxOp softmax(FNode node, boolean log) {
    MxAttrs a = node.typedAttrs();
    if (a.bool("use_length", false)) {
      throw a.fail("use_length", "True is not supported by the float executor");
    }
    return new SoftmaxOp(node, a.integer("axis", -1), a.real("temperature", 1.0), log, false);
  }

  static SoftmaxOp softmaxOutput(FNode node) {
    MxAttrs a = node.typedAttrs();
    int axis = a.bool("preserve_shape", false) ? -1 : a.bool("multi_output", false) ? 1 : FLAT;
    return new SoftmaxOp(node, axis, 1.0, false, true);
  }

  static SoftmaxOp softmaxActivation(FNode node) {
    MxAttrs a = node.typedAttrs();
    String mode = a.string("mode", "instance");
    if (!mode.equals("instance") && !mode.equals("channel")) {
      throw a.fail("mode", "must be instance or channel, got '" + mode + "'");
    }
    return new SoftmaxOp(node, mode.equals("channel") ? 1 : FLAT, 1.0, false, false);
  }

  @Override
  public boolean readsInput(int slot) {
    return slot == 0;
  }

  @Override
  public Shape[] inferShapes(Shape[] in) {
    if (hasLabel) {
      if (in.length != 1 && in.length != 2) {
        throw fail("expects inputs (data, label) or (data), got " + in.length);
      }
    } else {
      expectInputs(in, 1, "data");
    }
    Shape d = in[0];
    if (axisAttr == FLAT) {
      if (d.ndim() < 1) {
        throw fail("data must have at least one axis");
      }
    } else {
      axis("axis", axisAttr, d.ndim());
    }
    return one(d);
  }

  @Override
  public FTensor[] forward(FTensor[] in) {
    Shape s = in[0].shape();
    inferShapes(shapesOf(in));
    int outer;
    int len;
    int inner;
    if (axisAttr == FLAT) {
      outer = s.ndim() == 1 ? 1 : s.dim(0);
      len = Math.toIntExact(s.size() / outer);
      inner = 1;
    } else {
      int axis = axis("axis", axisAttr, s.ndim());
      len = s.dim(axis);
      inner = 1;
      for (int i = axis + 1; i < s.ndim(); i++) {
        inner *= s.dim(i);
      }
      outer = Math.toIntExact(s.size() / ((long) len * inner));
    }
    float[] x = in[0].data();
    float[] y = new float[x.length];
    int lanes = inner;
    int n = len;
    BatchSplit.run(outer * inner, (long) len * 8, (from, to) -> {
      for (int r = from; r < to; r++) {
        slice(x, y, (r / lanes) * n * lanes + r % lanes, lanes, n);
      }
    });
    return new FTensor[] {new FTensor(s, y)};
  }

  /** One softmax over x[base + i*step], i &lt; n. */
  private void slice(float[] x, float[] y, int base, int step, int n) {
    float max = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, x[base + i * step]);
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double e = Math.exp((x[base + i * step] - max) / temperature);
      sum += e;
      if (!log) {
        y[base + i * step] = (float) e;
      }
    }
    if (log) {
      double logSum = Math.log(sum);
      for (int i = 0; i < n; i++) {
        y[base + i * step] = (float) ((x[base + i * step] - max) / temperature - logSum);
      }
    } else {
      for (int i = 0; i < n; i++) {
        y[base + i * step] = (float) (y[base + i * step] / sum);
      }
    }
  }
}
