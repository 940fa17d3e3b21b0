package org.cvmj.mrt.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.MrtException;
import org.cvmj.mrt.graph.Entry;
import org.cvmj.mrt.graph.FGraphBuilder;
import org.cvmj.mrt.graph.FModel;
import org.cvmj.mrt.graph.FNode;
import org.cvmj.mrt.graph.FTensor;
import org.cvmj.mrt.nn.FloatExecutor;
import org.cvmj.mrt.zoo.Networks;
import org.junit.jupiter.api.Test;

/** Preparation must not change the function: the float executor gives the same outputs before and after. */
class PrepareTest {
  private static final Shape INPUT = Shape.of(3, 1, 28, 28);

  @Test
  void resnetBatchNormsFoldIntoConvolutionsAndTheFunctionIsKept() {
    FModel model = withRandomStatistics(Networks.create("resnet20", 3));
    FModel prepared = Prepare.run(model, INPUT);
    for (FNode n : prepared.graph().nodes()) {
      assertFalse(n.op().equals("BatchNorm") || n.op().equals("Activation"), n.op() + " left in " + n.name());
    }
    assertTrue(prepared.graph().nodes().stream().anyMatch(n -> n.op().equals("elemwise_add")));
    assertSameFunction(model, prepared, 1e-4);
  }

  @Test
  void poolingDropoutAndScalarsAreRewritten() {
    FGraphBuilder b = new FGraphBuilder();
    Entry x = b.variable("data");
    Entry d = b.op("Dropout", "drop", Map.of("p", "0.5"), x);
    Entry avg = b.op("Pooling", "avg", Map.of("pool_type", "avg", "kernel", "(2, 2)", "stride", "(2, 2)"), d);
    Entry s = b.op("_mul_scalar", "twice", Map.of("scalar", "2"), avg);
    Entry bn = b.op("BatchNorm", "bn", Map.of("fix_gamma", "False", "eps", "1e-5"), s,
        b.variable("bn_gamma"), b.variable("bn_beta"), b.variable("bn_mean"), b.variable("bn_var"));
    Entry g = b.op("Pooling", "gap", Map.of("pool_type", "avg", "global_pool", "True", "kernel", "(1, 1)"), bn);
    Map<String, FTensor> params = new LinkedHashMap<>();
    params.put("bn_gamma", FTensor.of(Shape.of(1), 1.5f));
    params.put("bn_beta", FTensor.of(Shape.of(1), -0.25f));
    params.put("bn_mean", FTensor.of(Shape.of(1), 0.3f));
    params.put("bn_var", FTensor.of(Shape.of(1), 2f));
    FModel model = new FModel(b.build(List.of(g)), params);
    FModel prepared = Prepare.run(model, INPUT);
    List<String> ops = prepared.graph().nodes().stream().filter(n -> !n.isVariable()).map(FNode::op).toList();
    // avg 2x2 → depthwise conv; ×2 → broadcast_mul; BN after a non-conv → multiply and add; GAP → sum · 1/196.
    assertEquals(List.of("Convolution", "broadcast_mul", "broadcast_mul", "broadcast_add", "sum", "broadcast_mul"),
        ops);
    assertSameFunction(model, prepared, 1e-5);
  }

  @Test
  void constantSubgraphsAreFolded() {
    FGraphBuilder b = new FGraphBuilder();
    Entry x = b.variable("data");
    Entry c = b.variable("c");
    Entry c2 = b.op("_mul_scalar", "c2", Map.of("scalar", "3"), c);
    Entry y = b.op("broadcast_mul", "y", Map.of(), x, c2);
    FModel model = new FModel(b.build(List.of(y)), Map.of("c", FTensor.of(Shape.of(1), 0.5f)));
    FModel prepared = Prepare.run(model, INPUT);
    assertEquals(1, prepared.graph().nodes().stream().filter(n -> !n.isVariable()).count());
    assertEquals(1.5f, prepared.params().get("c2").data()[0]);
    assertSameFunction(model, prepared, 0);
  }

  @Test
  void anOperatorWithoutIntegerRuleIsNamed() {
    FGraphBuilder b = new FGraphBuilder();
    Entry x = b.variable("data");
    Entry t = b.op("Activation", "act0", Map.of("act_type", "tanh"), x);
    FModel model = new FModel(b.build(List.of(t)), Map.of());
    MrtException e = assertThrows(MrtException.class, () -> Prepare.run(model, INPUT));
    assertTrue(e.getMessage().contains("'act0'") && e.getMessage().contains("tanh"), e.getMessage());
  }

  private static FModel withRandomStatistics(FModel m) {
    SplittableRandom rnd = new SplittableRandom(11);
    Map<String, FTensor> params = new LinkedHashMap<>();
    m.params().forEach((name, t) -> {
      float[] v = t.data().clone();
      if (name.endsWith("running_mean") || name.endsWith("moving_mean") || name.endsWith("_beta")) {
        for (int i = 0; i < v.length; i++) {
          v[i] = (float) rnd.nextDouble(-0.5, 0.5);
        }
      } else if (name.endsWith("running_var") || name.endsWith("moving_var") || name.endsWith("_gamma")) {
        for (int i = 0; i < v.length; i++) {
          v[i] = (float) rnd.nextDouble(0.5, 2);
        }
      }
      params.put(name, new FTensor(t.shape(), v));
    });
    return new FModel(m.graph(), params);
  }

  private static void assertSameFunction(FModel a, FModel b, double tolerance) {
    SplittableRandom rnd = new SplittableRandom(5);
    float[] x = new float[(int) INPUT.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) rnd.nextDouble();
    }
    FTensor in = new FTensor(INPUT, x);
    float[] ya = FloatExecutor.of(a).forward(Map.of("data", in)).get(0).data();
    float[] yb = FloatExecutor.of(b).forward(Map.of("data", in)).get(0).data();
    assertEquals(ya.length, yb.length);
    double scale = 0;
    for (float v : ya) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int i = 0; i < ya.length; i++) {
      assertEquals(ya[i], yb[i], tolerance * Math.max(scale, 1e-6), "output " + i);
    }
  }
}
