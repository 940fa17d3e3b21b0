package org.cvmj.mrt.zoo;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.graph.Entry;
import org.cvmj.mrt.graph.FGraphBuilder;
import org.cvmj.mrt.graph.FModel;
import org.cvmj.mrt.graph.FTensor;

/**
 * Builds a sequential (plus residual) network on one input {@code data} of shape (N, 1, 28, 28), naming
 * layers as Gluon exports them and drawing initial parameters as it goes (see {@link Networks}).
 */
final class NetBuilder {
  private final FGraphBuilder g = new FGraphBuilder();
  private final Map<String, FTensor> params = new LinkedHashMap<>();
  private final SplittableRandom random;
  private Entry x;
  private int channels = 1;
  private int height = 28;
  private int width = 28;
  private boolean flat;

  NetBuilder(long seed) {
    random = new SplittableRandom(seed);
    x = g.variable("data");
  }

  FModel build() {
    return new FModel(g.build(List.of(x)), params);
  }

  /** Convolution with a bias, followed by relu. */
  void convRelu(int filters, int kernel, int stride, int pad) {
    conv(filters, kernel, stride, pad, true);
    activation(g.node(x).name() + "_relu");
  }

  /** Convolution (He-uniform weights: every convolution here feeds a relu, possibly after BatchNorm). */
  void conv(int filters, int kernel, int stride, int pad, boolean bias) {
    x = convFrom(x, filters, kernel, stride, pad, bias);
    channels = filters;
    height = (height + 2 * pad - kernel) / stride + 1;
    width = (width + 2 * pad - kernel) / stride + 1;
  }

  private Entry convFrom(Entry in, int filters, int kernel, int stride, int pad, boolean bias) {
    String name = g.fresh("conv");
    int fanIn = channels * kernel * kernel;
    Entry w = param(name + "_weight", heUniform(fanIn, Shape.of(filters, channels, kernel, kernel)));
    Map<String, String> attrs = new TreeMap<>();
    attrs.put("dilate", "(1, 1)");
    attrs.put("kernel", pair(kernel));
    attrs.put("layout", "NCHW");
    attrs.put("no_bias", bias ? "False" : "True");
    attrs.put("num_filter", Integer.toString(filters));
    attrs.put("num_group", "1");
    attrs.put("pad", pair(pad));
    attrs.put("stride", pair(stride));
    if (!bias) {
      return g.op("Convolution", name, attrs, in, w);
    }
    Entry b = param(name + "_bias", FTensor.zeros(Shape.of(filters)));
    return g.op("Convolution", name, attrs, in, w, b);
  }

  void maxPool(int kernel, int stride) {
    x = g.op("Pooling", g.fresh("pool"), poolAttrs("max", kernel, stride, false), x);
    height = (height - kernel) / stride + 1;
    width = (width - kernel) / stride + 1;
  }

  void globalAvgPool() {
    x = g.op("Pooling", g.fresh("pool"), poolAttrs("avg", 1, 1, true), x);
    height = 1;
    width = 1;
  }

  private static Map<String, String> poolAttrs(String type, int kernel, int stride, boolean global) {
    Map<String, String> attrs = new TreeMap<>();
    attrs.put("global_pool", global ? "True" : "False");
    attrs.put("kernel", pair(kernel));
    attrs.put("layout", "NCHW");
    attrs.put("pad", "(0, 0)");
    attrs.put("pool_type", type);
    attrs.put("pooling_convention", "valid");
    attrs.put("stride", pair(stride));
    if (type.equals("avg")) {
      attrs.put("count_include_pad", "True");
    }
    return attrs;
  }

  void flatten() {
    x = g.op("Flatten", g.fresh("flatten"), Map.of(), x);
    flat = true;
  }

  /** FullyConnected, He-initialised and followed by relu, or Xavier-initialised when it is the classifier. */
  void dense(int units, boolean relu) {
    int fanIn = flat ? channels * height * width : channels;
    String name = g.fresh("dense");
    Shape shape = Shape.of(units, fanIn);
    Entry w = param(name + "_weight", relu ? heUniform(fanIn, shape) : xavierUniform(fanIn, units, shape));
    Entry b = param(name + "_bias", FTensor.zeros(Shape.of(units)));
    x = g.op("FullyConnected", name, Map.of("flatten", "True", "no_bias", "False",
        "num_hidden", Integer.toString(units)), x, w, b);
    channels = units;
    height = 1;
    width = 1;
    flat = true;
    if (relu) {
      activation(name + "_relu");
    }
  }

  void relu() {
    activation(g.fresh("relu"));
  }

  private void activation(String name) {
    x = g.op("Activation", name, Map.of("act_type", "relu"), x);
  }

  void batchNorm() {
    x = batchNormOf(x, channels);
  }

  private Entry batchNormOf(Entry in, int c) {
    String name = g.fresh("batchnorm");
    Entry gamma = param(name + "_gamma", filled(c, 1f));
    Entry beta = param(name + "_beta", filled(c, 0f));
    Entry mean = param(name + "_moving_mean", filled(c, 0f));
    Entry var = param(name + "_moving_var", filled(c, 1f));
    Map<String, String> attrs = Map.of("axis", "1", "eps", "1e-05", "fix_gamma", "False",
        "momentum", "0.9", "use_global_stats", "False");
    return g.op("BatchNorm", name, attrs, in, gamma, beta, mean, var);
  }

  /**
   * A ResNet v1 basic block: conv3x3(stride)+BN+relu, conv3x3+BN, plus the shortcut (identity, or
   * conv1x1(stride)+BN when the shape changes), then relu.
   */
  void basicBlock(int filters, int stride) {
    Entry in = x;
    int inChannels = channels;
    int inHeight = height;
    int inWidth = width;
    conv(filters, 3, stride, 1, false);
    batchNorm();
    relu();
    conv(filters, 3, 1, 1, false);
    batchNorm();
    Entry body = x;
    Entry shortcut = in;
    if (stride != 1 || inChannels != filters) {
      int outChannels = channels;
      channels = inChannels;
      shortcut = convFrom(in, filters, 1, stride, 0, false);
      channels = outChannels;
      shortcut = batchNormOf(shortcut, filters);
    }
    x = g.op("elemwise_add", g.fresh("add"), Map.of(), body, shortcut);
    relu();
    assert (inHeight + 2 - 3) / stride + 1 == height && (inWidth + 2 - 3) / stride + 1 == width;
  }

  private Entry param(String name, FTensor value) {
    params.put(name, value);
    return g.variable(name);
  }

  private FTensor heUniform(int fanIn, Shape shape) {
    return uniform(Math.sqrt(6.0 / fanIn), shape);
  }

  private FTensor xavierUniform(int fanIn, int fanOut, Shape shape) {
    return uniform(Math.sqrt(6.0 / (fanIn + fanOut)), shape);
  }

  private FTensor uniform(double limit, Shape shape) {
    float[] v = new float[shape.elements()];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
    }
    return new FTensor(shape, v);
  }

  private static FTensor filled(int n, float value) {
    float[] v = new float[n];
    Arrays.fill(v, value);
    return new FTensor(Shape.of(n), v);
  }

  private static String pair(int v) {
    return "(" + v + ", " + v + ")";
  }
}
