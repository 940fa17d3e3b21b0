package org.cvmj.mrt.nn;

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
 * Throughput of the float executor on a dapp-sized MNIST net (about 10.7 M multiply-adds per image):
 * Conv(16,3x3)+relu, MaxPool(2,s1), Conv(32,3x3)+relu, MaxPool(2,s1), Conv(64,3x3)+relu, MaxPool(2,s2),
 * Conv(128,1x1)+relu, MaxPool(2,s2), Flatten, FullyConnected(10); random weights, input (N, 1, 28, 28).
 *
 * <p>Run after {@code mvn -o -q -pl mrt-quantizer -am test-compile}: {@code java --add-modules
 * jdk.incubator.vector -cp mrt-quantizer/target/classes:mrt-quantizer/target/test-classes:cvm-runtime/target/classes
 * org.cvmj.mrt.nn.FloatBench [batch] [runs]}.
 */
public final class FloatBench {
  private FloatBench() {}

  public static void main(String[] args) {
    int batch = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    FModel model = dappNet(new SplittableRandom(7));
    FloatExecutor exec = FloatExecutor.of(model);
    FTensor input = random(Shape.of(batch, 1, 28, 28), new SplittableRandom(11), 1f);
    Map<String, FTensor> in = Map.of("data", input);
    long first = System.nanoTime();
    exec.forward(in);
    System.out.printf("first run (cold JIT): %.3f s%n", (System.nanoTime() - first) / 1e9);
    for (int i = 0; i < 2; i++) {
      exec.forward(in);
    }
    double best = Double.MAX_VALUE;
    double total = 0;
    for (int r = 0; r < runs; r++) {
      long t0 = System.nanoTime();
      List<FTensor> out = exec.forward(in);
      double s = (System.nanoTime() - t0) / 1e9;
      if (out.get(0).shape().dim(0) != batch) {
        throw new AssertionError(out.get(0).shape().toString());
      }
      best = Math.min(best, s);
      total += s;
    }
    if (Boolean.getBoolean("profile")) {
      profile(exec, in);
    }
    double macs = 10.7e6;
    System.out.printf("batch %d, %d threads: best %.3f s (%.0f images/s, %.1f GFLOP/s), mean %.3f s%n", batch,
        Runtime.getRuntime().availableProcessors(), best, batch / best, 2 * macs * batch / best / 1e9,
        total / runs);
  }

  /** Per-node wall time of one more run (-Dprofile=true). */
  private static void profile(FloatExecutor exec, Map<String, FTensor> in) {
    var graph = exec.model().graph();
    FTensor[][] values = new FTensor[graph.size()][];
    for (int i = 0; i < graph.size(); i++) {
      var node = graph.node(i);
      if (node.isVariable()) {
        FTensor p = exec.model().params().get(node.name());
        values[i] = new FTensor[] {p != null ? p : in.get(node.name())};
        continue;
      }
      FTensor[] args = new FTensor[node.inputs().size()];
      for (int k = 0; k < args.length; k++) {
        args[k] = values[node.inputs().get(k).node()][node.inputs().get(k).index()];
      }
      long t0 = System.nanoTime();
      values[i] = exec.op(i).forward(args);
      System.out.printf("  %-10s %-16s %8.1f ms  -> %s%n", node.name(), node.op(), (System.nanoTime() - t0) / 1e6,
          values[i][0].shape());
    }
  }

  /** The benchmark network with weights scaled so that activations stay of order 1. */
  static FModel dappNet(SplittableRandom rnd) {
    FGraphBuilder b = new FGraphBuilder();
    Map<String, FTensor> params = new LinkedHashMap<>();
    Entry x = b.variable("data");
    int[][] convs = {{16, 3}, {32, 3}, {64, 3}, {128, 1}};
    int[] poolStride = {1, 1, 2, 2};
    int channels = 1;
    for (int i = 0; i < convs.length; i++) {
      int f = convs[i][0];
      int k = convs[i][1];
      String name = "conv" + i;
      Entry w = b.variable(name + "_weight");
      Entry bias = b.variable(name + "_bias");
      params.put(name + "_weight", random(Shape.of(f, channels, k, k), rnd, (float) Math.sqrt(2.0 / (channels * k * k))));
      params.put(name + "_bias", random(Shape.of(f), rnd, 0.1f));
      x = b.op("Convolution", name, Map.of("kernel", "(" + k + ", " + k + ")", "num_filter", "" + f), x, w, bias);
      x = b.op("Activation", "relu" + i, Map.of("act_type", "relu"), x);
      x = b.op("Pooling", "pool" + i, Map.of("kernel", "(2, 2)", "stride", "(" + poolStride[i] + ", " + poolStride[i]
          + ")", "pool_type", "max"), x);
      channels = f;
    }
    x = b.op("Flatten", "flatten", Map.of(), x);
    Entry w = b.variable("fc_weight");
    Entry bias = b.variable("fc_bias");
    params.put("fc_weight", random(Shape.of(10, channels * 25), rnd, 0.02f));
    params.put("fc_bias", random(Shape.of(10), rnd, 0.1f));
    x = b.op("FullyConnected", "fc", Map.of("num_hidden", "10"), x, w, bias);
    return new FModel(b.build(List.of(x)), params);
  }

  static FTensor random(Shape shape, SplittableRandom rnd, float scale) {
    float[] v = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (rnd.nextDouble(-1, 1) * scale);
    }
    return new FTensor(shape, v);
  }
}
