package org.cvmj.cvm.op.nn;

import org.cvmj.cvm.op.OpAttrs;
import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.op.Operator;
import org.cvmj.cvm.op.Parallel;
import org.cvmj.cvm.op.Precision;
import org.cvmj.cvm.op.Shapes;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.cvm.tensor.Tensor;

/** {@code upsampling}, nearest neighbour: y[n][c][h][w] = x[n][c][h / scale][w / scale]. */
public record Upsampling(int scale) implements Operator {

  public static Upsampling parse(OpAttrs attrs) throws OpException {
    int scale = attrs.getInt("scale");
    String layout = attrs.getString("layout", "NCHW");
    String method = attrs.getString("method", "NEAREST_NEIGHBOR");
    attrs.finish();
    Shapes.require(scale >= 1 && scale <= Conv2d.ATTR_MAX, "scale %d must be in 1..4096", scale);
    Shapes.require(layout.equals("NCHW"), "layout %s is not supported (only NCHW)", layout);
    Shapes.require(method.equals("NEAREST_NEIGHBOR"), "method %s is not supported (only NEAREST_NEIGHBOR)",
        method);
    return new Upsampling(scale);
  }

  @Override
  public String name() {
    return "upsampling";
  }

  @Override
  public int numInputs() {
    return 1;
  }

  @Override
  public Shape[] inferShapes(Shape[] in) throws OpException {
    Shape x = in[0];
    Shapes.requireRank(x, 4, "upsampling data");
    return new Shape[] {Shapes.checked(x.dim(0), x.dim(1), (long) x.dim(2) * scale, (long) x.dim(3) * scale)};
  }

  @Override
  public int[] inferPrecisions(Shape[] in, int[] p) {
    return Precision.one(p[0]);
  }

  @Override
  public void compute(Tensor[] in, Tensor[] out, Parallel parallel) {
    int[] x = in[0].data();
    int[] y = out[0].data();
    int h = in[0].shape().dim(2);
    int w = in[0].shape().dim(3);
    int oh = h * scale;
    int ow = w * scale;
    int planes = in[0].shape().dim(0) * in[0].shape().dim(1);
    parallel.forRange(planes, (long) oh * ow, (from, to) -> {
      for (int plane = from; plane < to; plane++) {
        for (int r = 0; r < oh; r++) {
          int xRow = plane * h * w + (r / scale) * w;
          int yRow = plane * oh * ow + r * ow;
          for (int q = 0; q < ow; q++) {
            y[yRow + q] = x[xRow + q / scale];
          }
        }
      }
    });
  }
}
