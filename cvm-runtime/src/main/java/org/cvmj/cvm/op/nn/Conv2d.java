package org.cvmj.cvm.op.nn;

import org.cvmj.cvm.op.OpAttrs;
import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.op.Operator;
import org.cvmj.cvm.op.Parallel;
import org.cvmj.cvm.op.Precision;
import org.cvmj.cvm.op.Shapes;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.cvm.tensor.Tensor;

/**
 * {@code conv2d}, NCHW data and OIHW weights, zero padding, optional groups and bias. Products and sums
 * are int32 (the precision rule proves they cannot overflow). Inputs are used at full int32 width, as the
 * FORMAL backend does; the CPU backend narrows them to int8 when groups = 1, which only matters for models
 * whose declared precisions are unsound (docs/compatibility.md).
 */
public record Conv2d(int channels, int kernelH, int kernelW, int strideH, int strideW, int padH, int padW,
    int dilationH, int dilationW, int groups, boolean useBias) implements Operator {

  static final int ATTR_MAX = 4096;

  public static Conv2d parse(OpAttrs attrs) throws OpException {
    int channels = attrs.getInt("channels");
    int[] kernel = attrs.getTuple("kernel_size");
    int[] strides = attrs.getTuple("strides", 1, 1);
    int[] padding = attrs.getTuple("padding", 0, 0);
    int[] dilation = attrs.getTuple("dilation", 1, 1);
    int groups = attrs.getInt("groups", 1);
    String layout = attrs.getString("layout", "NCHW");
    String kernelLayout = attrs.getString("kernel_layout", "OIHW");
    String outLayout = attrs.getString("out_layout", "__undef__");
    attrs.getString("out_dtype", "same");
    boolean useBias = attrs.getBool("use_bias", true);
    attrs.finish();
    Shapes.require(layout.equals("NCHW"), "layout %s is not supported (only NCHW)", layout);
    Shapes.require(kernelLayout.equals("OIHW"), "kernel_layout %s is not supported (only OIHW)", kernelLayout);
    Shapes.require(outLayout.equals("__undef__") || outLayout.equals("NCHW"),
        "out_layout %s is not supported (only NCHW)", outLayout);
    Shapes.require(kernel.length == 2, "kernel_size %s must have 2 values", OpAttrs.tuple(kernel));
    Shapes.require(strides.length == 2, "strides %s must have 2 values", OpAttrs.tuple(strides));
    Shapes.require(padding.length == 2, "padding %s must have 2 values", OpAttrs.tuple(padding));
    Shapes.require(dilation.length == 2, "dilation %s must have 2 values", OpAttrs.tuple(dilation));
    for (int i = 0; i < 2; i++) {
      Shapes.require(kernel[i] >= 1 && kernel[i] <= ATTR_MAX, "kernel_size %s must be in 1..4096",
          OpAttrs.tuple(kernel));
      Shapes.require(strides[i] >= 1 && strides[i] <= ATTR_MAX, "strides %s must be in 1..4096",
          OpAttrs.tuple(strides));
      Shapes.require(padding[i] >= 0 && padding[i] <= ATTR_MAX, "padding %s must be in 0..4096",
          OpAttrs.tuple(padding));
      Shapes.require(dilation[i] >= 1 && dilation[i] <= ATTR_MAX, "dilation %s must be in 1..4096",
          OpAttrs.tuple(dilation));
    }
    Shapes.require(channels >= 1, "channels %d must be positive", channels);
    Shapes.require(groups >= 1, "groups %d must be positive", groups);
    return new Conv2d(channels, kernel[0], kernel[1], strides[0], strides[1], padding[0], padding[1],
        dilation[0], dilation[1], groups, useBias);
  }

  @Override
  public String name() {
    return "conv2d";
  }

  @Override
  public int numInputs() {
    return useBias ? 3 : 2;
  }

  @Override
  public Shape[] inferShapes(Shape[] in) throws OpException {
    Shape x = in[0];
    Shape w = in[1];
    Shapes.requireRank(x, 4, "conv2d data");
    int c = x.dim(1);
    Shapes.require(c % groups == 0, "input channels %d are not divisible by groups %d", c, groups);
    Shapes.require(channels % groups == 0, "channels %d are not divisible by groups %d", channels, groups);
    Shape expectW = Shape.of(channels, c / groups, kernelH, kernelW);
    Shapes.require(w.equals(expectW), "weight shape %s, expected %s", w, expectW);
    if (useBias) {
      Shapes.require(in[2].equals(Shape.of(channels)), "bias shape %s, expected (%d,)", in[2], channels);
    }
    long effH = (long) (kernelH - 1) * dilationH + 1;
    long effW = (long) (kernelW - 1) * dilationW + 1;
    long paddedH = x.dim(2) + 2L * padH;
    long paddedW = x.dim(3) + 2L * padW;
    Shapes.require(effH <= paddedH && effW <= paddedW,
        "dilated kernel %dx%d is larger than the padded input %dx%d", effH, effW, paddedH, paddedW);
    return new Shape[] {Shapes.checked(x.dim(0), channels, (paddedH - effH) / strideH + 1,
        (paddedW - effW) / strideW + 1)};
  }

  @Override
  public int[] inferPrecisions(Shape[] in, int[] p) throws OpException {
    Shapes.require(p[0] <= 8, "data precision %d exceeds 8 bits", p[0]);
    Shapes.require(p[1] <= 8, "weight precision %d exceeds 8 bits", p[1]);
    long k = (long) in[1].dim(1) * kernelH * kernelW;
    int prec = p[0] + p[1] + Precision.bits(k);
    if (useBias) {
      prec = Math.max(prec, p[2]) + 1;
    }
    return Precision.one(prec);
  }

  @Override
  public long opsPerElement(Shape[] in, Shape[] out) {
    long perChannel = in[1].size() / in[1].dim(0);
    return perChannel * 3 + (useBias ? 1 : 0);
  }

  @Override
  public void compute(Tensor[] in, Tensor[] out, Parallel parallel) {
    ConvKernel.run(this, in[0], in[1], useBias ? in[2] : null, out[0], parallel);
  }
}
