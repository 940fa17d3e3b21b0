package org.cvmj.cvm.op.vision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.cvmj.cvm.op.OpAttrs;
import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.op.Parallel;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.cvm.tensor.Tensor;
import org.junit.jupiter.api.Test;

class NonMaxSuppressionTest {

  private static NonMaxSuppression op(String... kv) throws OpException {
    return NonMaxSuppression.parse(OpAttrs.of(kv));
  }

  private static final int[] NONE = {-1, -1, -1, -1, -1, -1};

  // Boxes [id, score, x1, y1, x2, y2].
  private static final int[] R0 = {0, 90, 0, 0, 10, 10};
  private static final int[] R1 = {0, 80, 1, 1, 11, 11}; // IoU with R0: 81 / 119 -> 68 %
  private static final int[] R2 = {1, 85, 0, 0, 10, 10}; // same box as R0, other class
  private static final int[] R3 = {0, 70, 20, 20, 30, 30}; // overlaps nothing
  private static final int[] R4 = {0, 95, 50, 50, 60, 60}; // overlaps nothing, best score

  private static Tensor boxes(int[]... rows) {
    return batches(new int[][][] {rows});
  }

  private static Tensor batches(int[][][] b) {
    int n = b[0].length;
    int[] v = new int[b.length * n * 6];
    for (int i = 0; i < b.length; i++) {
      for (int r = 0; r < n; r++) {
        System.arraycopy(b[i][r], 0, v, (i * n + r) * 6, 6);
      }
    }
    return Tensor.of(Shape.of(b.length, n, 6), v);
  }

  private static int[] rows(int[]... rows) {
    int[] v = new int[rows.length * 6];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, v, i * 6, 6);
    }
    return v;
  }

  private static int[] run(NonMaxSuppression op, Tensor x, int... validCount) throws OpException {
    Shape vs = Shape.of(validCount.length);
    Shape ys = op.inferShapes(new Shape[] {x.shape(), vs})[0];
    Tensor y = Tensor.zeros(ys);
    int[] before = x.toArray();
    op.compute(new Tensor[] {x, Tensor.of(vs, validCount)}, new Tensor[] {y}, Parallel.SERIAL);
    assertArrayEquals(before, x.toArray(), "the input must not be written");
    return y.toArray();
  }

  // ---- attributes ----

  @Test
  void defaults() throws OpException {
    NonMaxSuppression d = op();
    assertEquals(-1, d.maxOutputSize());
    assertEquals(50, d.iouThreshold());
    assertEquals(false, d.forceSuppress());
    assertEquals(-1, d.topK());
    assertEquals("non_max_suppression", d.name());
    assertEquals(2, d.numInputs());
    assertEquals(1, d.numOutputs());
    // The fixed attributes are accepted with their only supported values.
    assertEquals(d, op("coord_start", "2", "score_index", "1", "id_index", "0", "return_indices", "False",
        "invalid_to_bottom", "True"));
    NonMaxSuppression e = op("max_output_size", "3", "iou_threshold", "70", "force_suppress", "true", "top_k", "10");
    assertEquals(new NonMaxSuppression(3, 70, true, 10), e);
  }

  @Test
  void badAttributes() {
    assertThrows(OpException.class, () -> op("iou_threshold", "0"));
    assertThrows(OpException.class, () -> op("iou_threshold", "-5"));
    assertThrows(OpException.class, () -> op("iou_threshold", "0.5"));
    assertThrows(OpException.class, () -> op("coord_start", "0"));
    assertThrows(OpException.class, () -> op("score_index", "0"));
    assertThrows(OpException.class, () -> op("id_index", "-1"));
    assertThrows(OpException.class, () -> op("return_indices", "true"));
    assertThrows(OpException.class, () -> op("invalid_to_bottom", "false"));
    assertThrows(OpException.class, () -> op("force_suppress", "maybe"));
    assertThrows(OpException.class, () -> op("top_k", ""));
    assertThrows(OpException.class, () -> op("score_threshold", "1"));
  }

  // ---- shapes, precision, gas ----

  @Test
  void shapes() throws OpException {
    NonMaxSuppression o = op();
    assertEquals(Shape.of(2, 7, 6), o.inferShapes(new Shape[] {Shape.of(2, 7, 6), Shape.of(2)})[0]);
    assertThrows(OpException.class, () -> o.inferShapes(new Shape[] {Shape.of(7, 6), Shape.of(7)}));
    OpException e = assertThrows(OpException.class,
        () -> o.inferShapes(new Shape[] {Shape.of(2, 7, 5), Shape.of(2)}));
    assertTrue(e.getMessage().contains("(2, 7, 5)"), e.getMessage());
    assertThrows(OpException.class, () -> o.inferShapes(new Shape[] {Shape.of(2, 7, 6), Shape.of(2, 1)}));
    e = assertThrows(OpException.class, () -> o.inferShapes(new Shape[] {Shape.of(2, 7, 6), Shape.of(3)}));
    assertTrue(e.getMessage().contains("(3,)"), e.getMessage());
    assertThrows(OpException.class, () -> o.inferShapes(new Shape[] {Shape.of(2, 7, 6)}));
  }

  @Test
  void precisionAndGas() throws OpException {
    NonMaxSuppression o = op();
    Shape[] in = {Shape.of(3, 7, 6), Shape.of(3)};
    assertArrayEquals(new int[] {12}, o.inferPrecisions(in, new int[] {12, 4}));
    assertEquals(60, o.opsPerElement(in, new Shape[] {Shape.of(3, 7, 6)}));
  }

  // ---- IoU ----

  private static long iou(int... ab) {
    return NonMaxSuppression.iou(ab, 0, ab, 4);
  }

  @Test
  void iouInIntegerPercent() {
    assertEquals(100, iou(0, 0, 10, 10, 0, 0, 10, 10));
    assertEquals(0, iou(0, 0, 10, 10, 20, 20, 30, 30));
    assertEquals(0, iou(0, 0, 10, 10, 10, 0, 20, 10)); // touching edges
    assertEquals(33, iou(0, 0, 10, 10, 5, 0, 15, 10)); // 5000 / 150
    assertEquals(68, iou(0, 0, 10, 10, 1, 1, 11, 11)); // 8100 / 119
    assertEquals(25, iou(0, 0, 10, 10, 0, 0, 5, 5)); // 2500 / 100
    assertEquals(0, iou(0, 0, 0, 0, 0, 0, 0, 0)); // no area at all
    assertEquals(0, iou(10, 10, 0, 0, 10, 10, 0, 0)); // reversed corners: positive areas, no overlap
  }

  @Test
  void iouOverflowGuard() {
    int max = Integer.MAX_VALUE;
    // 2^30-wide boxes: 100 * overlap would overflow, so the union is divided by 100 instead.
    assertEquals(100, iou(0, 0, 1 << 30, 1 << 30, 0, 0, 1 << 30, 1 << 30));
    // Wrapped 32-bit differences: box a spans (1,1)-(MIN,MIN), a side of MIN - 1 = MAX; overlap MAX^2 with a
    // 10x20 box b whose own area (200) is the union: MAX^2 / (200 / 100).
    assertEquals((long) max * max / 2, iou(1, 1, Integer.MIN_VALUE, Integer.MIN_VALUE, 0, 0, 10, 20));
    // Same with a 1x1 box: the union (1) divided by 100 is 0; the reference divides by zero, here it is 0.
    assertEquals(0, iou(1, 1, Integer.MIN_VALUE, Integer.MIN_VALUE, 0, 0, 1, 1));
  }

  // ---- suppression ----

  @Test
  void suppressesOverlappingBoxesOfTheSameClass() throws OpException {
    // sorted: R4 95, R0 90, R2 85, R1 80, R3 70; R1 loses to R0 (68 % >= 50), R2 is another class.
    assertArrayEquals(rows(R4, R0, R2, R3, NONE), run(op(), boxes(R0, R1, R2, R3, R4), 5));
  }

  @Test
  void forceSuppressIgnoresTheClass() throws OpException {
    assertArrayEquals(rows(R4, R0, R3, NONE, NONE),
        run(op("force_suppress", "true"), boxes(R0, R1, R2, R3, R4), 5));
  }

  @Test
  void iouThresholdIsInclusive() throws OpException {
    assertArrayEquals(rows(R4, R0, R2, R3, NONE), run(op("iou_threshold", "68"), boxes(R0, R1, R2, R3, R4), 5));
    assertArrayEquals(rows(R4, R0, R2, R1, R3), run(op("iou_threshold", "69"), boxes(R0, R1, R2, R3, R4), 5));
    // 100 %: only identical boxes suppress each other (here R2 under R0, with force_suppress).
    assertArrayEquals(rows(R4, R0, R1, R3, NONE),
        run(op("iou_threshold", "100", "force_suppress", "1"), boxes(R0, R1, R2, R3, R4), 5));
  }

  @Test
  void topKLimitsTheCandidates() throws OpException {
    Tensor x = boxes(R0, R1, R2, R3, R4);
    assertArrayEquals(rows(R4, R0, NONE, NONE, NONE), run(op("top_k", "2"), x, 5));
    assertArrayEquals(rows(R4, R0, R2, NONE, NONE), run(op("top_k", "4"), x, 5)); // R1 suppressed, R3 cut
    assertArrayEquals(rows(NONE, NONE, NONE, NONE, NONE), run(op("top_k", "0"), x, 5));
    assertArrayEquals(rows(R4, R0, R2, R3, NONE), run(op("top_k", "99"), x, 5));
  }

  @Test
  void maxOutputSizeLimitsTheSelection() throws OpException {
    Tensor x = boxes(R0, R1, R2, R3, R4);
    assertArrayEquals(rows(R4, R0, NONE, NONE, NONE), run(op("max_output_size", "2"), x, 5));
    assertArrayEquals(rows(R4, R0, R2, R3, NONE), run(op("max_output_size", "4"), x, 5));
    assertArrayEquals(rows(R4, R0, R2, R3, NONE), run(op("max_output_size", "-1"), x, 5));
    // FORMAL: zero means no boxes (the CPU backend treats it as unlimited).
    assertArrayEquals(rows(NONE, NONE, NONE, NONE, NONE), run(op("max_output_size", "0"), x, 5));
    // A suppressed box does not count against the limit.
    assertArrayEquals(rows(R0, R3, NONE, NONE, NONE),
        run(op("max_output_size", "2"), boxes(R0, R1, R3, NONE, NONE), 3));
  }

  @Test
  void onlyTheFirstValidCountRowsTakePart() throws OpException {
    Tensor x = boxes(R0, R1, R2, R3, R4);
    // R0 90, R2 85, R1 80 -> R1 suppressed
    assertArrayEquals(rows(R0, R2, NONE, NONE, NONE), run(op(), x, 3));
    assertArrayEquals(rows(NONE, NONE, NONE, NONE, NONE), run(op(), x, 0));
    assertArrayEquals(rows(NONE, NONE, NONE, NONE, NONE), run(op(), x, -2));
    assertArrayEquals(rows(R4, R0, R2, R3, NONE), run(op(), x, 99));
  }

  @Test
  void negativeIdRowsAreSkippedWithoutStoppingSuppression() throws OpException {
    int[] a = {0, 90, 0, 0, 10, 10};
    int[] b = {-1, 85, 0, 0, 10, 10};
    int[] c = {0, 80, 0, 0, 10, 10};
    // FORMAL: b is skipped and c is still suppressed by a (the CPU backend would stop at b and keep c).
    assertArrayEquals(rows(a, NONE, NONE), run(op(), boxes(a, b, c), 3));
    assertArrayEquals(rows(a, NONE, NONE), run(op(), boxes(c, b, a), 3));
    // rows of -1 (as get_valid_counts pads) never come out
    assertArrayEquals(rows(a, NONE, NONE), run(op(), boxes(NONE, a, NONE), 3));
  }

  @Test
  void equalScoresKeepTheirInputOrder() throws OpException {
    int[] p = {0, 50, 0, 0, 10, 10};
    int[] q = {0, 50, 100, 100, 110, 110};
    int[] r = {2, 50, 0, 0, 10, 10};
    assertArrayEquals(rows(p, q, r), run(op(), boxes(p, q, r), 3));
    assertArrayEquals(rows(r, q, p), run(op(), boxes(r, q, p), 3));
    // extreme scores sort without overflow
    int[] lo = {0, Integer.MIN_VALUE, 0, 0, 1, 1};
    int[] hi = {1, Integer.MAX_VALUE, 0, 0, 1, 1};
    assertArrayEquals(rows(hi, lo), run(op(), boxes(lo, hi), 2));
  }

  @Test
  void everyBatchIsProcessed() throws OpException {
    // The CPU backend returns at the first batch without valid rows; FORMAL goes on.
    Tensor x = batches(new int[][][] {{R0, R1}, {R3, R4}, {R1, R0}});
    assertArrayEquals(concat(rows(NONE, NONE), rows(R4, R3), rows(R0, NONE)), run(op(), x, 0, 2, 2));
  }

  @Test
  void batchesAreIndependentUnderChunking() throws OpException {
    Tensor x = batches(new int[][][] {{R0, R1, R2}, {R2, R1, R0}, {R3, R4, R1}, {R1, R1, R1}});
    int[] vc = {3, 3, 2, 3};
    int[] serial = run(op(), x, vc);
    Tensor y = Tensor.zeros(x.shape());
    Parallel one = (n, cost, body) -> {
      for (int i = n - 1; i >= 0; i--) {
        body.run(i, i + 1);
      }
    };
    op().compute(new Tensor[] {x, Tensor.of(Shape.of(4), vc)}, new Tensor[] {y}, one);
    assertArrayEquals(serial, y.toArray());
    assertArrayEquals(concat(rows(R0, R2, NONE), rows(R0, R2, NONE), rows(R4, R3, NONE), rows(R1, NONE, NONE)),
        serial);
  }

  @Test
  void usesTheShapeNotTheBufferLength() throws OpException {
    int[] xb = Arrays.copyOf(rows(R0, R1), 20);
    int[] yb = new int[14];
    Arrays.fill(yb, 7);
    op().compute(new Tensor[] {new Tensor(xb, Shape.of(1, 2, 6)), new Tensor(new int[] {2, 5}, Shape.of(1))},
        new Tensor[] {new Tensor(yb, Shape.of(1, 2, 6))}, Parallel.SERIAL);
    int[] expected = Arrays.copyOf(rows(R0, NONE), 14);
    expected[12] = 7;
    expected[13] = 7;
    assertArrayEquals(expected, yb);
  }

  private static int[] concat(int[]... parts) {
    int n = 0;
    for (int[] p : parts) {
      n += p.length;
    }
    int[] v = new int[n];
    int o = 0;
    for (int[] p : parts) {
      System.arraycopy(p, 0, v, o, p.length);
      o += p.length;
    }
    return v;
  }
}
