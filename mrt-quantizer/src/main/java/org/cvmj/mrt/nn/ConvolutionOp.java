package org.cvmj.mrt.nn;

import java.util.Arrays;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.graph.FNode;
import org.cvmj.mrt.graph.FTensor;
import org.cvmj.mrt.graph.MxAttrs;

/**
 * MXNet {@code Convolution}, 2-D NCHW: inputs data (N, C, H, W), weight (F, C/G, KH, KW) and, unless
 * no_bias, bias (F,). Output side: floor((H + 2*pad - dilate*(KH - 1) - 1) / stride) + 1.
 *
 * <p>Per image and group, im2col then one matrix product (weights x columns); a 1x1 kernel with stride 1 and
 * no padding reads the image in place. Depthwise groups (one channel, one filter) run as a stencil
 * ({@link DepthwiseStencil}). Images are split across threads.
 */
final class ConvolutionOp extends NodeOp {
  private final int kh;
  private final int kw;
  private final int[] stride;
  private final int[] dilate;
  private final int[] pad;
  private final int numFilter;
  private final int groups;
  private final boolean noBias;

  ConvolutionOp(FNode node) {
    super(node);
    MxAttrs a = node.typedAttrs();
    int[] kernel = a.requireTuple("kernel");
    if (kernel.length != 2) {
      throw a.fail("kernel", "has " + kernel.length + " values: the float executor supports only 2-D"
          + " convolution (NCHW, kernel (KH, KW)), got " + a.raw().get("kernel"));
    }
    String layout = a.string("layout", "NCHW");
    if (!layout.equals("NCHW")) {
      throw a.fail("layout", "must be NCHW (the float executor supports only 2-D NCHW convolution), got " + layout);
    }
    kh = kernel[0];
    kw = kernel[1];
    stride = a.tuple("stride", 2, 1);
    dilate = a.tuple("dilate", 2, 1);
    pad = a.tuple("pad", 2, 0);
    numFilter = a.requireInt("num_filter");
    groups = a.integer("num_group", 1);
    noBias = a.bool("no_bias", false);
    for (int i = 0; i < 2; i++) {
      if (kernel[i] < 1 || stride[i] < 1 || dilate[i] < 1 || pad[i] < 0) {
        throw fail("kernel, stride and dilate must be positive and pad non-negative, got kernel "
            + Arrays.toString(kernel) + " stride " + Arrays.toString(stride) + " dilate "
            + Arrays.toString(dilate) + " pad " + Arrays.toString(pad));
      }
    }
    if (numFilter < 1 || groups < 1 || numFilter % groups != 0) {
      throw fail("num_filter (" + numFilter + ") must be a positive multiple of num_group (" + groups + ")");
    }
  }

  @Override
  public Shape[] inferShapes(Shape[] in) {
    expectInputs(in, noBias ? 2 : 3, noBias ? "data, weight" : "data, weight, bias");
    Shape d = in[0];
    expectNdim("data", d, 4);
    int c = d.dim(1);
    if (c % groups != 0) {
      throw fail("data has " + c + " channels, not a multiple of num_group " + groups);
    }
    expectShape("weight", in[1], Shape.of(numFilter, c / groups, kh, kw));
    if (!noBias) {
      expectShape("bias", in[2], Shape.of(numFilter));
    }
    int oh = outSize(d.dim(2), kh, 0);
    int ow = outSize(d.dim(3), kw, 1);
    return one(Shape.of(d.dim(0), numFilter, oh, ow));
  }

  private int outSize(int size, int k, int axis) {
    int span = dilate[axis] * (k - 1) + 1;
    int padded = size + 2 * pad[axis];
    if (padded < span) {
      throw fail("kernel extent " + span + " (kernel " + k + ", dilate " + dilate[axis] + ") exceeds padded input "
          + padded + " along axis " + (axis + 2));
    }
    return (padded - span) / stride[axis] + 1;
  }

  @Override
  public FTensor[] forward(FTensor[] in) {
    Shape ds = in[0].shape();
    Shape os = inferShapes(shapesOf(in))[0];
    int n = ds.dim(0);
    int c = ds.dim(1);
    int h = ds.dim(2);
    int w = ds.dim(3);
    int oh = os.dim(2);
    int ow = os.dim(3);
    int cg = c / groups;
    int fg = numFilter / groups;
    Im2col unfold = new Im2col(cg, h, w, kh, kw, stride[0], stride[1], pad[0], pad[1], dilate[0], dilate[1], oh, ow);
    int kg = unfold.rows();
    int ohw = oh * ow;
    boolean inPlace = kh == 1 && kw == 1 && stride[0] == 1 && stride[1] == 1 && pad[0] == 0 && pad[1] == 0;
    float[] x = in[0].data();
    float[] weight = in[1].data();
    float[] bias = noBias ? null : in[2].data();
    float[] out = new float[Math.toIntExact(os.size())];
    long costPerImage = (long) numFilter * kg * ohw;
    if (cg == 1 && fg == 1) {
      DepthwiseStencil dw = new DepthwiseStencil(h, w, kh, kw, stride[0], stride[1], pad[0], pad[1], dilate[0],
          dilate[1], oh, ow);
      BatchSplit.run(n, costPerImage, (from, to) -> {
        for (int img = from; img < to; img++) {
          for (int g = 0; g < groups; g++) {
            dw.apply(x, (img * c + g) * h * w, weight, g * kh * kw, bias == null ? 0f : bias[g], out,
                (img * numFilter + g) * ohw);
          }
        }
      });
      return new FTensor[] {new FTensor(os, out)};
    }
    BatchSplit.run(n, costPerImage, (from, to) -> {
      float[] col = inPlace ? null : new float[kg * ohw];
      for (int img = from; img < to; img++) {
        for (int g = 0; g < groups; g++) {
          int xOff = (img * c + g * cg) * h * w;
          int oOff = (img * numFilter + g * fg) * ohw;
          if (bias != null) {
            for (int f = 0; f < fg; f++) {
              Arrays.fill(out, oOff + f * ohw, oOff + (f + 1) * ohw, bias[g * fg + f]);
            }
          }
          if (inPlace) {
            Gemm.multiplyAdd(fg, ohw, kg, weight, g * fg * kg, kg, x, xOff, ohw, out, oOff, ohw);
          } else {
            unfold.unfold(x, xOff, col);
            Gemm.multiplyAdd(fg, ohw, kg, weight, g * fg * kg, kg, col, 0, ohw, out, oOff, ohw);
          }
        }
      }
    });
    return new FTensor[] {new FTensor(os, out)};
  }
}
