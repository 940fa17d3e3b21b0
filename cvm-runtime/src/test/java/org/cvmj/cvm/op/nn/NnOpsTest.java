package org.cvmj.cvm.op.nn;

import static org.cvmj.cvm.op.OpTesting.attrs;
import static org.cvmj.cvm.op.OpTesting.run;
import static org.cvmj.cvm.op.OpTesting.t;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.tensor.Shape;
import org.junit.jupiter.api.Test;

class NnOpsTest {
  private static final int[] ONE_TO_NINE = {1, 2, 3, 4, 5, 6, 7, 8, 9};

  @Test
  void conv2dValidWindow() throws Exception {
    Conv2d op = Conv2d.parse(attrs("channels", "1", "kernel_size", "(2, 2)", "use_bias", "False"));
    int[] y = run(op, t(Shape.of(1, 1, 3, 3), ONE_TO_NINE), t(Shape.of(1, 1, 2, 2), 1, 2, 3, 4));
    // y00 = 1*1 + 2*2 + 4*3 + 5*4, and so on.
    assertArrayEquals(new int[] {37, 47, 67, 77}, y);
  }

  @Test
  void conv2dZeroPaddingStrideAndBias() throws Exception {
    Conv2d op = Conv2d.parse(attrs("channels", "1", "kernel_size", "[3, 3]", "strides", "(2, 2)",
        "padding", "(1, 1)"));
    int[] ones = {1, 1, 1, 1, 1, 1, 1, 1, 1};
    int[] y = run(op, t(Shape.of(1, 1, 3, 3), ONE_TO_NINE), t(Shape.of(1, 1, 3, 3), ones), t(Shape.of(1), 100));
    assertArrayEquals(new int[] {112, 116, 124, 128}, y);
  }

  @Test
  void conv2dDilation() throws Exception {
    Conv2d op = Conv2d.parse(attrs("channels", "1", "kernel_size", "(2, 2)", "dilation", "(2, 2)",
        "use_bias", "0"));
    int[] x = new int[25];
    for (int i = 0; i < 25; i++) {
      x[i] = i;
    }
    int[] y = run(op, t(Shape.of(1, 1, 5, 5), x), t(Shape.of(1, 1, 2, 2), 1, 1, 1, 1));
    assertEquals(9, y.length);
    assertEquals(0 + 2 + 10 + 12, y[0]);
    assertEquals(6 + 8 + 16 + 18, y[4]);
    assertEquals(12 + 14 + 22 + 24, y[8]);
  }

  @Test
  void conv2dGroups() throws Exception {
    Conv2d op = Conv2d.parse(attrs("channels", "2", "kernel_size", "(1, 1)", "groups", "2", "use_bias", "False"));
    int[] y = run(op, t(Shape.of(1, 2, 2, 2), 1, 2, 3, 4, 5, 6, 7, 8), t(Shape.of(2, 1, 1, 1), 2, -1));
    assertArrayEquals(new int[] {2, 4, 6, 8, -5, -6, -7, -8}, y);
  }

  @Test
  void conv2dUsesFullInt32InputsAsTheFormalBackend() throws Exception {
    // Precisions above 8 bits only reach conv2d through unsound declarations; FORMAL does not narrow.
    Conv2d op = Conv2d.parse(attrs("channels", "1", "kernel_size", "(1, 1)", "use_bias", "False"));
    assertArrayEquals(new int[] {600, -600}, run(op, t(Shape.of(1, 1, 1, 2), 300, -300), t(Shape.of(1, 1, 1, 1), 2)));
  }

  @Test
  void conv2dShapeAndPrecisionRules() throws Exception {
    Conv2d op = Conv2d.parse(attrs("channels", "16", "kernel_size", "(3, 3)", "padding", "(1, 1)"));
    Shape[] in = {Shape.of(1, 3, 32, 32), Shape.of(16, 3, 3, 3), Shape.of(16)};
    assertEquals(Shape.of(1, 16, 32, 32), op.inferShapes(in)[0]);
    // 8 + 8 + bits(27) = 21, then max(21, bias 8) + 1
    assertEquals(22, op.inferPrecisions(in, new int[] {8, 8, 8})[0]);
    assertEquals(27 * 3 + 1, op.opsPerElement(in, op.inferShapes(in)));
    OpException e = assertThrows(OpException.class, () -> op.inferPrecisions(in, new int[] {9, 8, 8}));
    assertEquals("data precision 9 exceeds 8 bits", e.getMessage());
    assertThrows(OpException.class,
        () -> op.inferShapes(new Shape[] {Shape.of(1, 3, 32, 32), Shape.of(16, 3, 5, 5), Shape.of(16)}));
    assertThrows(OpException.class,
        () -> Conv2d.parse(attrs("channels", "16", "kernel_size", "(3, 3)"))
            .inferShapes(new Shape[] {Shape.of(1, 3, 2, 2), Shape.of(16, 3, 3, 3), Shape.of(16)}),
        "kernel larger than the unpadded input");
    assertThrows(OpException.class, () -> Conv2d.parse(attrs("channels", "4", "kernel_size", "(3, 3)",
        "layout", "NHWC")));
    assertThrows(OpException.class, () -> Conv2d.parse(attrs("channels", "4", "kernel_size", "(3, 3)",
        "strides", "(0, 1)")));
  }

  @Test
  void denseAccumulatesInInt32AndAddsBias() throws Exception {
    Dense op = Dense.parse(attrs("units", "2"));
    int[] y = run(op, t(Shape.of(2, 3), 1, 2, 3, -1, 0, 2), t(Shape.of(2, 3), 1, 1, 1, 2, -1, 0),
        t(Shape.of(2), 10, -10));
    assertArrayEquals(new int[] {16, -10, 11, -12}, y);
    Shape[] in = {Shape.of(1, 256), Shape.of(2, 256), Shape.of(2)};
    // 8 + 8 + bits(256) = 25, bias -> 26
    assertEquals(26, op.inferPrecisions(in, new int[] {8, 8, 8})[0]);
    assertEquals(256 * 3 + 1, op.opsPerElement(in, op.inferShapes(in)));
    assertThrows(OpException.class, () -> op.inferShapes(new Shape[] {Shape.of(1, 2, 3), Shape.of(2, 6), Shape.of(2)}));
  }

  @Test
  void maxPoolIgnoresPaddingInsteadOfReadingZero() throws Exception {
    MaxPool2d op = MaxPool2d.parse(attrs("pool_size", "(2, 2)", "padding", "(1, 1)"));
    int[] y = run(op, t(Shape.of(1, 1, 2, 2), -5, -3, -4, -8));
    assertArrayEquals(new int[] {-5, -3, -3, -4, -3, -3, -4, -4, -8}, y);
    assertEquals(4, op.opsPerElement(new Shape[] {Shape.of(1, 1, 2, 2)}, new Shape[] {Shape.of(1, 1, 3, 3)}));
  }

  @Test
  void maxPoolCeilModeAndPaddingRules() throws Exception {
    Shape[] in = {Shape.of(1, 1, 5, 5)};
    assertEquals(Shape.of(1, 1, 2, 2),
        MaxPool2d.parse(attrs("pool_size", "(2, 2)", "strides", "(2, 2)")).inferShapes(in)[0]);
    assertEquals(Shape.of(1, 1, 3, 3),
        MaxPool2d.parse(attrs("pool_size", "(2, 2)", "strides", "(2, 2)", "ceil_mode", "True")).inferShapes(in)[0]);
    assertThrows(OpException.class, () -> MaxPool2d.parse(attrs("pool_size", "(2, 2)", "padding", "2")));
    MaxPool2d single = MaxPool2d.parse(attrs("pool_size", "(3, 3)", "padding", "1"));
    assertEquals(Shape.of(1, 1, 5, 5), single.inferShapes(in)[0], "one padding value applies to both axes");
  }

  @Test
  void upsamplingRepeatsNearestNeighbours() throws Exception {
    Upsampling op = Upsampling.parse(attrs("scale", "2"));
    assertArrayEquals(new int[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4},
        run(op, t(Shape.of(1, 1, 2, 2), 1, 2, 3, 4)));
    assertThrows(OpException.class, () -> Upsampling.parse(attrs("scale", "2", "method", "BILINEAR")));
  }

  @Test
  void reluAndAttributeGrammar() throws Exception {
    assertArrayEquals(new int[] {0, 0, 3}, run(Relu.parse(attrs()), t(Shape.of(3), -2, 0, 3)));
    Conv2d parsed = Conv2d.parse(attrs("channels", "8", "kernel_size", "[3,3]", "strides", "(2, 2)",
        "padding", "(1L, 1L)", "use_bias", "TRUE", "__hidden__", "x"));
    assertEquals(new Conv2d(8, 3, 3, 2, 2, 1, 1, 1, 1, 1, true), parsed);
    OpException e = assertThrows(OpException.class,
        () -> Conv2d.parse(attrs("channels", "8", "kernel_size", "3")));
    assertEquals("kernel_size (3) must have 2 values", e.getMessage());
  }
}
