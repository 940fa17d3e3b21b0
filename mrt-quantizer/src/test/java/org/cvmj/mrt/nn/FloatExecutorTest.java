package org.cvmj.mrt.nn;

import static org.cvmj.mrt.nn.OpHarness.attrs;
import static org.cvmj.mrt.nn.OpHarness.dims;
import static org.cvmj.mrt.nn.OpHarness.t;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.MrtException;
import org.cvmj.mrt.graph.Entry;
import org.cvmj.mrt.graph.FGraphBuilder;
import org.cvmj.mrt.graph.FModel;
import org.cvmj.mrt.graph.FTensor;
import org.junit.jupiter.api.Test;

class FloatExecutorTest {
  private final FTensor w = t(dims(2, 2), 1, 1, 1, -1);
  private final FTensor b = t(dims(2), 0, 0);

  /** data (N, 2) -> fc [[1, 1], [1, -1]] -> relu -> *2; heads: the scaled relu and the fc. */
  private FModel small() {
    FGraphBuilder g = new FGraphBuilder();
    Entry data = g.variable("data");
    Entry fc = g.op("FullyConnected", "fc", attrs("num_hidden", "2"), data, g.variable("fc_weight"),
        g.variable("fc_bias"));
    Entry relu = g.op("relu", "r", attrs(), fc);
    Entry twice = g.op("_mul_scalar", "twice", attrs("scalar", "2"), relu);
    return new FModel(g.build(List.of(twice, fc)), Map.of("fc_weight", w, "fc_bias", b));
  }

  @Test
  void forwardComputesHeads() {
    FloatExecutor exec = FloatExecutor.of(small());
    // [3, 1] -> fc [4, 2] -> relu [4, 2] -> [8, 4];  [1, 2] -> fc [3, -1] -> relu [3, 0] -> [6, 0].
    List<FTensor> out = exec.forward(Map.of("data", t(dims(2, 2), 3, 1, 1, 2)));
    assertEquals(2, out.size());
    assertArrayEquals(new float[] {8, 4, 6, 0}, out.get(0).data(), 0f);
    assertArrayEquals(new float[] {4, 2, 3, -1}, out.get(1).data(), 0f);
  }

  @Test
  void forwardAllKeepsEveryValue() {
    FModel m = small();
    FloatExecutor exec = FloatExecutor.of(m);
    FTensor data = t(dims(1, 2), 3, 1);
    List<FTensor[]> all = exec.forwardAll(Map.of("data", data));
    assertEquals(6, all.size());
    assertSame(data, all.get(0)[0]);
    assertSame(w, all.get(1)[0]);
    assertSame(b, all.get(2)[0]);
    assertArrayEquals(new float[] {4, 2}, all.get(3)[0].data(), 0f);
    assertArrayEquals(new float[] {4, 2}, all.get(4)[0].data(), 0f);
    assertArrayEquals(new float[] {8, 4}, all.get(5)[0].data(), 0f);
  }

  @Test
  void shapesPerNodeAndOutput() {
    FloatExecutor exec = FloatExecutor.of(small());
    Shape[][] s = exec.inferShapes(Map.of("data", Shape.of(5, 2)));
    assertArrayEquals(new Shape[] {Shape.of(5, 2)}, s[0]);
    assertArrayEquals(new Shape[] {Shape.of(2, 2)}, s[1]);
    assertArrayEquals(new Shape[] {Shape.of(5, 2)}, s[5]);
    assertEquals(List.of(Shape.of(5, 2), Shape.of(5, 2)), exec.outputShapes(Map.of("data", Shape.of(5, 2))));
  }

  @Test
  void valueReadTwiceSurvivesItsFirstConsumer() {
    // relu feeds two nodes, which meet again: a diamond. x = [-1, 2] -> relu [0, 2] -> (2r) + (r + 1) = [1, 7].
    FGraphBuilder g = new FGraphBuilder();
    Entry r = g.op("relu", "r", attrs(), g.variable("x"));
    Entry a = g.op("_mul_scalar", "a", attrs("scalar", "2"), r);
    Entry c = g.op("_plus_scalar", "c", attrs("scalar", "1"), r);
    Entry sum = g.op("elemwise_add", "sum", attrs(), a, c);
    FloatExecutor exec = FloatExecutor.of(new FModel(g.build(List.of(sum)), Map.of()));
    assertArrayEquals(new float[] {1, 7}, exec.forward(Map.of("x", t(dims(2), -1, 2))).get(0).data(), 0f);
  }

  @Test
  void unknownOperatorListsSupportedOnes() {
    FGraphBuilder g = new FGraphBuilder();
    Entry y = g.op("Foo", "x", attrs(), g.variable("data"));
    MrtException e = assertThrows(MrtException.class,
        () -> FloatExecutor.of(new FModel(g.build(List.of(y)), Map.of())));
    String expected = "node 'x' (op Foo): operator Foo is not supported by the float executor; supported: "
        + String.join(", ", FloatOps.supported());
    assertEquals(expected, e.getMessage());
    assertTrue(e.getMessage().contains("BatchNorm, BlockGrad, Concat, Convolution"), e.getMessage());
  }

  @Test
  void supportedNamesTheRequiredOperators() {
    for (String op : new String[] {"Convolution", "FullyConnected", "Activation", "relu", "sigmoid", "tanh",
        "LeakyReLU", "Pooling", "BatchNorm", "Flatten", "Reshape", "reshape", "transpose", "expand_dims", "squeeze",
        "Concat", "concat", "Dropout", "softmax", "log_softmax", "SoftmaxOutput", "SoftmaxActivation", "elemwise_add",
        "elemwise_sub", "elemwise_mul", "elemwise_div", "_plus", "_minus", "_mul", "_div", "broadcast_add",
        "broadcast_sub", "broadcast_mul", "broadcast_div", "broadcast_maximum", "broadcast_minimum", "_plus_scalar",
        "_minus_scalar", "_mul_scalar", "_div_scalar", "_rminus_scalar", "_rdiv_scalar", "add_n", "ElementWiseSum",
        "sum", "mean", "max", "clip", "slice_axis", "zeros_like", "ones_like"}) {
      assertTrue(FloatOps.supported().contains(op), op);
    }
  }

  @Test
  void inputErrors() {
    FloatExecutor exec = FloatExecutor.of(small());
    MrtException missing = assertThrows(MrtException.class, () -> exec.forward(Map.of()));
    assertEquals("input 'data' is not given; the model's inputs are [data]", missing.getMessage());
    MrtException unknown = assertThrows(MrtException.class,
        () -> exec.forward(Map.of("data", t(dims(1, 2), 1, 2), "image", t(dims(1), 0))));
    assertEquals("unknown input 'image'; the model's inputs are [data]", unknown.getMessage());
    MrtException param = assertThrows(MrtException.class,
        () -> exec.inferShapes(Map.of("data", Shape.of(1, 2), "fc_bias", Shape.of(2))));
    assertEquals("'fc_bias' is a parameter of the model, not an input; the model's inputs are [data]",
        param.getMessage());
    MrtException shape = assertThrows(MrtException.class, () -> exec.forward(Map.of("data", t(dims(1, 3), 1, 2, 3))));
    assertEquals("node 'fc' (FullyConnected): weight has shape (2, 2), expected (2, 3)", shape.getMessage());
  }

  @Test
  void readingAMissingOutputIsRejected() {
    FGraphBuilder g = new FGraphBuilder();
    Entry r = g.op("relu", "r", attrs(), g.variable("x"));
    Entry bad = g.add(new org.cvmj.mrt.graph.FNode("relu", "s", Map.of(), List.of(new Entry(r.node(), 1))));
    MrtException e = assertThrows(MrtException.class,
        () -> FloatExecutor.of(new FModel(g.build(List.of(bad)), Map.of())));
    assertEquals("node 's' (relu): input 0 reads output 1 of node 'r', which has 1 outputs", e.getMessage());
  }

  @Test
  void hiddenOutputsCanBeRead() {
    // BatchNorm's third output (the moving variance) and Dropout's mask, as a graph may reference them.
    FGraphBuilder g = new FGraphBuilder();
    Entry x = g.variable("x");
    Entry bn = g.op("BatchNorm", "bn", attrs(), x, g.variable("g"), g.variable("b"), g.variable("m"), g.variable("v"));
    Entry drop = g.op("Dropout", "drop", attrs(), bn);
    FTensor one = t(dims(1), 1);
    FTensor var = t(dims(1), 3);
    FModel m = new FModel(g.build(List.of(new Entry(bn.node(), 2), new Entry(drop.node(), 1))),
        Map.of("g", one, "b", one, "m", one, "v", var));
    List<FTensor> out = FloatExecutor.of(m).forward(Map.of("x", t(dims(1, 1), 5)));
    assertSame(var, out.get(0));
    assertArrayEquals(new float[] {1}, out.get(1).data(), 0f);
  }

  @Test
  void softmaxOutputLabelMayBeLeftOut() {
    FGraphBuilder g = new FGraphBuilder();
    Entry y = g.op("SoftmaxOutput", "softmax", attrs(), g.variable("data"), g.variable("softmax_label"));
    FloatExecutor exec = FloatExecutor.of(new FModel(g.build(List.of(y)), Map.of()));
    FTensor out = exec.forward(Map.of("data", t(dims(1, 2), 0, 0))).get(0);
    assertArrayEquals(new float[] {0.5f, 0.5f}, out.data(), 0f);
    assertNull(exec.inferShapes(Map.of("data", Shape.of(1, 2)))[1][0]);
    assertNull(exec.forwardAll(Map.of("data", t(dims(1, 2), 0, 0))).get(1)[0]);
    FTensor fed = exec.forward(Map.of("data", t(dims(1, 2), 0, 0), "softmax_label", t(dims(1), 1))).get(0);
    assertArrayEquals(new float[] {0.5f, 0.5f}, fed.data(), 0f);
  }

  @Test
  void batchResultsDoNotDependOnBatchSize() {
    // The benchmark net on 6 random images together and one at a time: the same bits.
    FModel m = FloatBench.dappNet(new SplittableRandom(3));
    FloatExecutor exec = FloatExecutor.of(m);
    FTensor x = FloatBench.random(Shape.of(6, 1, 28, 28), new SplittableRandom(4), 1f);
    FTensor all = exec.forward(Map.of("data", x)).get(0);
    assertEquals(Shape.of(6, 10), all.shape());
    for (int i = 0; i < 6; i++) {
      float[] img = Arrays.copyOfRange(x.data(), i * 784, (i + 1) * 784);
      FTensor one = exec.forward(Map.of("data", new FTensor(Shape.of(1, 1, 28, 28), img))).get(0);
      assertArrayEquals(Arrays.copyOfRange(all.data(), i * 10, (i + 1) * 10), one.data(), 0f);
    }
  }
}
