package org.cvmj.mrt.djl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.graph.Entry;
import org.cvmj.mrt.graph.FGraphBuilder;
import org.cvmj.mrt.graph.FModel;
import org.cvmj.mrt.graph.FTensor;

/**
 * Small seeded models, one per group of MXNet operators, for checking the Java float executor against
 * libmxnet. Each has one input {@code data}; {@link #input} makes a matching random batch.
 */
final class RandomModels {
  /** A model and the shape of its {@code data} input. */
  record Case(String name, FModel model, Shape input) {
    @Override
    public String toString() {
      return name;
    }
  }

  private final FGraphBuilder g = new FGraphBuilder();
  private final Map<String, FTensor> params = new LinkedHashMap<>();
  private final SplittableRandom random;

  private RandomModels(long seed) {
    random = new SplittableRandom(seed);
  }

  static List<Case> all() {
    return List.of(convolutions(), denseActivations(), pooling(), batchNormLeaky(), elementwiseConcat(),
        reshapeTranspose());
  }

  static FTensor input(Shape shape, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] v = new float[shape.elements()];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) r.nextDouble(-1, 1);
    }
    return new FTensor(shape, v);
  }

  private Entry param(String name, Shape shape, double lo, double hi) {
    float[] v = new float[shape.elements()];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) random.nextDouble(lo, hi);
    }
    params.put(name, new FTensor(shape, v));
    return g.variable(name);
  }

  private Entry conv(String name, Entry x, int in, int filters, String kernel, String stride, String pad,
      String dilate, int groups, boolean bias) {
    int[] k = parse(kernel);
    Entry w = param(name + "_weight", Shape.of(filters, in / groups, k[0], k[1]), -0.5, 0.5);
    Map<String, String> a = Map.of("kernel", kernel, "stride", stride, "pad", pad, "dilate", dilate,
        "num_filter", Integer.toString(filters), "num_group", Integer.toString(groups),
        "no_bias", bias ? "False" : "True", "layout", "NCHW");
    if (!bias) {
      return g.op("Convolution", name, a, x, w);
    }
    return g.op("Convolution", name, a, x, w, param(name + "_bias", Shape.of(filters), -0.5, 0.5));
  }

  private static int[] parse(String tuple) {
    String[] p = tuple.replace("(", "").replace(")", "").split(",");
    return new int[] {Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim())};
  }

  private Case done(String name, Shape input, Entry... heads) {
    return new Case(name, new FModel(g.build(List.of(heads)), params), input);
  }

  /** Grouped, strided, padded, dilated and asymmetric convolutions, with and without bias. */
  static Case convolutions() {
    RandomModels m = new RandomModels(11);
    Entry x = m.g.variable("data");
    Entry c0 = m.conv("conv0", x, 4, 6, "(3, 3)", "(2, 2)", "(1, 1)", "(2, 2)", 2, true);
    Entry c1 = m.conv("conv1", c0, 6, 6, "(3, 2)", "(1, 2)", "(0, 1)", "(1, 1)", 6, false);
    Entry c2 = m.conv("conv2", c1, 6, 5, "(1, 1)", "(1, 1)", "(0, 0)", "(1, 1)", 1, true);
    return m.done("convolution groups/stride/pad/dilation", Shape.of(2, 4, 11, 11), c2);
  }

  /** FullyConnected (flatten and not) with relu, sigmoid, tanh and softrelu activations, two outputs. */
  static Case denseActivations() {
    RandomModels m = new RandomModels(12);
    Entry x = m.g.variable("data");
    Entry d0 = m.g.op("FullyConnected", "dense0", Map.of("num_hidden", "7", "flatten", "True", "no_bias", "False"),
        x, m.param("dense0_weight", Shape.of(7, 12), -0.5, 0.5), m.param("dense0_bias", Shape.of(7), -0.5, 0.5));
    Entry a0 = m.g.op("Activation", "sigmoid0", Map.of("act_type", "sigmoid"), d0);
    Entry d1 = m.g.op("FullyConnected", "dense1", Map.of("num_hidden", "5", "no_bias", "True"),
        a0, m.param("dense1_weight", Shape.of(5, 7), -1, 1));
    Entry a1 = m.g.op("Activation", "tanh0", Map.of("act_type", "tanh"), d1);
    Entry a2 = m.g.op("Activation", "relu0", Map.of("act_type", "relu"), d1);
    Entry a3 = m.g.op("Activation", "softrelu0", Map.of("act_type", "softrelu"), a2);
    return m.done("FullyConnected + Activation", Shape.of(3, 3, 2, 2), a1, a3);
  }

  /** Max and average pooling (padded, strided, full convention) and global pooling. */
  static Case pooling() {
    RandomModels m = new RandomModels(13);
    Entry x = m.g.variable("data");
    Entry p0 = m.g.op("Pooling", "pool0", Map.of("pool_type", "max", "kernel", "(3, 3)", "stride", "(2, 2)",
        "pad", "(1, 1)"), x);
    Entry p1 = m.g.op("Pooling", "pool1", Map.of("pool_type", "avg", "kernel", "(2, 2)", "stride", "(1, 1)",
        "pad", "(1, 1)", "count_include_pad", "True"), p0);
    Entry p2 = m.g.op("Pooling", "pool2", Map.of("pool_type", "avg", "kernel", "(2, 2)", "stride", "(2, 2)",
        "pooling_convention", "full"), x);
    Entry p3 = m.g.op("Pooling", "pool3", Map.of("pool_type", "max", "kernel", "(1, 1)", "global_pool", "True"), p1);
    Entry p4 = m.g.op("Pooling", "pool4", Map.of("pool_type", "avg", "kernel", "(1, 1)", "global_pool", "True"), x);
    // one parameter, because DJL cannot load a model whose params file is empty
    Entry s4 = m.g.op("broadcast_mul", "scale0", Map.of(), p4, m.param("scale", Shape.of(1, 3, 1, 1), 0.5, 2));
    return m.done("Pooling max/avg/global", Shape.of(2, 3, 9, 9), p1, p2, p3, s4);
  }

  /** BatchNorm in inference mode (fix_gamma False and True) and LeakyReLU. */
  static Case batchNormLeaky() {
    RandomModels m = new RandomModels(14);
    Entry x = m.g.variable("data");
    Entry c0 = m.conv("conv0", x, 3, 4, "(3, 3)", "(1, 1)", "(1, 1)", "(1, 1)", 1, false);
    Entry bn0 = m.g.op("BatchNorm", "batchnorm0", Map.of("eps", "1e-05", "fix_gamma", "False", "momentum", "0.9"),
        c0, m.param("batchnorm0_gamma", Shape.of(4), 0.5, 2), m.param("batchnorm0_beta", Shape.of(4), -1, 1),
        m.param("batchnorm0_moving_mean", Shape.of(4), -0.5, 0.5), m.param("batchnorm0_moving_var", Shape.of(4), 0.2, 3));
    Entry l0 = m.g.op("LeakyReLU", "leakyrelu0", Map.of("act_type", "leaky", "slope", "0.1"), bn0);
    Entry bn1 = m.g.op("BatchNorm", "batchnorm1", Map.of("eps", "0.001", "fix_gamma", "True"),
        l0, m.param("batchnorm1_gamma", Shape.of(4), 0.5, 2), m.param("batchnorm1_beta", Shape.of(4), -1, 1),
        m.param("batchnorm1_moving_mean", Shape.of(4), -0.5, 0.5), m.param("batchnorm1_moving_var", Shape.of(4), 0.2, 3));
    return m.done("BatchNorm + LeakyReLU", Shape.of(2, 3, 6, 6), bn1);
  }

  /** elemwise_add/mul, broadcast_add/mul, Concat, Dropout (identity at inference), Flatten, softmax. */
  static Case elementwiseConcat() {
    RandomModels m = new RandomModels(15);
    Entry x = m.g.variable("data");
    Entry c0 = m.conv("conv0", x, 3, 3, "(3, 3)", "(1, 1)", "(1, 1)", "(1, 1)", 1, true);
    Entry add = m.g.op("elemwise_add", "add0", Map.of(), c0, x);
    Entry mul = m.g.op("elemwise_mul", "mul0", Map.of(), add, c0);
    Entry badd = m.g.op("broadcast_add", "badd0", Map.of(), mul, m.param("shift", Shape.of(1, 3, 1, 1), -1, 1));
    Entry bmul = m.g.op("broadcast_mul", "bmul0", Map.of(), badd, m.param("scale", Shape.of(1, 1, 5, 5), -1, 1));
    Entry cat = m.g.op("Concat", "concat0", Map.of("dim", "1", "num_args", "3"), bmul, x, add);
    Entry drop = m.g.op("Dropout", "dropout0", Map.of("p", "0.5"), cat);
    Entry flat = m.g.op("Flatten", "flatten0", Map.of(), drop);
    Entry sm = m.g.op("softmax", "softmax0", Map.of("axis", "-1"), flat);
    return m.done("elemwise/broadcast add+mul, Concat, Dropout, Flatten, softmax", Shape.of(2, 3, 5, 5), sm);
  }

  /** transpose, Reshape (with 0 and -1), FullyConnected, softmax on axis 1. */
  static Case reshapeTranspose() {
    RandomModels m = new RandomModels(16);
    Entry x = m.g.variable("data");
    Entry t = m.g.op("transpose", "transpose0", Map.of("axes", "(0, 2, 3, 1)"), x);
    Entry r = m.g.op("Reshape", "reshape0", Map.of("shape", "(0, -1, 3)"), t);
    Entry d = m.g.op("FullyConnected", "dense0", Map.of("num_hidden", "4", "flatten", "False", "no_bias", "False"),
        r, m.param("dense0_weight", Shape.of(4, 3), -1, 1), m.param("dense0_bias", Shape.of(4), -1, 1));
    Entry r2 = m.g.op("Reshape", "reshape1", Map.of("shape", "(2, 16, 4)"), d);
    Entry sm = m.g.op("softmax", "softmax0", Map.of("axis", "1"), r2);
    return m.done("Reshape + transpose", Shape.of(2, 3, 4, 4), sm);
  }
}
