package org.cvmj.cvm.op.vision;

import java.util.Arrays;
import org.cvmj.cvm.op.OpAttrs;
import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.op.Operator;
import org.cvmj.cvm.op.Parallel;
import org.cvmj.cvm.op.Precision;
import org.cvmj.cvm.op.Shapes;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.cvm.tensor.Tensor;

/**
 * {@code non_max_suppression}: greedy per-class non-maximum suppression of boxes
 * {@code [id, score, x1, y1, x2, y2]}, inputs {@code data (B, N, 6)} and {@code valid_count (B,)}, output
 * {@code (B, N, 6)}. This is the algorithm of the reference FORMAL backend, which is normative here; per
 * batch b:
 *
 * <ol>
 *   <li>the first {@code T = clamp(valid_count[b], 0, N)} rows are sorted by score, descending, stably;
 *   <li>walking the first {@code top_k} of them ({@code top_k < 0}: all), a row is skipped when its id is
 *       negative, dropped when it overlaps an already selected row of the same id (of any id with
 *       {@code force_suppress}) with {@code IoU >= iou_threshold} percent, and selected otherwise;
 *   <li>selection stops after {@code max_output_size} rows ({@code < 0}: unlimited, {@code 0}: none);
 *   <li>the selected rows fill the front of the output batch in that order, the remaining rows are -1.
 * </ol>
 *
 * <p>Where the CPU backend differs, the FORMAL behaviour is kept: a row with a negative id between two
 * overlapping rows does not stop the suppression, a batch without valid rows does not end the whole
 * operator, {@code max_output_size = 0} yields no boxes, and the input tensor is never written.
 *
 * <p>IoU is computed as the reference does, in integer percent with 64-bit areas: {@code 0} when the sum of
 * the two areas or the union is not positive; otherwise {@code 100 * overlap / union}, except that when
 * {@code 100 * overlap} would overflow the union is divided by 100 instead. In that branch a union below 100
 * would make the reference divide by zero (it crashes); that needs coordinates whose differences overflow
 * 32 bits, and here the IoU is then taken as 0.
 *
 * <p>Attributes: {@code max_output_size} (-1), {@code iou_threshold} (50, an integer percent, must be
 * {@code > 0}), {@code force_suppress} (false), {@code top_k} (-1); {@code coord_start} 2,
 * {@code score_index} 1, {@code id_index} 0, {@code return_indices} false and {@code invalid_to_bottom}
 * true are accepted only with these values. Output precision: that of {@code data}. Gas weight per output
 * element: {@code 20 * B}, as in the reference.
 */
public record NonMaxSuppression(int maxOutputSize, int iouThreshold, boolean forceSuppress, int topK)
    implements Operator {

  private static final int K = 6;

  public static NonMaxSuppression parse(OpAttrs attrs) throws OpException {
    int maxOutputSize = attrs.getInt("max_output_size", -1);
    int iouThreshold = attrs.getInt("iou_threshold", 50);
    boolean forceSuppress = attrs.getBool("force_suppress", false);
    int topK = attrs.getInt("top_k", -1);
    int coordStart = attrs.getInt("coord_start", 2);
    int scoreIndex = attrs.getInt("score_index", 1);
    int idIndex = attrs.getInt("id_index", 0);
    boolean returnIndices = attrs.getBool("return_indices", false);
    boolean invalidToBottom = attrs.getBool("invalid_to_bottom", true);
    attrs.finish();
    Shapes.require(iouThreshold > 0, "iou_threshold %d must be > 0 (integer percent)", iouThreshold);
    Shapes.require(coordStart == 2, "coord_start %d is not supported (must be 2)", coordStart);
    Shapes.require(scoreIndex == 1, "score_index %d is not supported (must be 1)", scoreIndex);
    Shapes.require(idIndex == 0, "id_index %d is not supported (must be 0)", idIndex);
    Shapes.require(!returnIndices, "return_indices true is not supported (must be false)");
    Shapes.require(invalidToBottom, "invalid_to_bottom false is not supported (must be true)");
    return new NonMaxSuppression(maxOutputSize, iouThreshold, forceSuppress, topK);
  }

  @Override
  public String name() {
    return "non_max_suppression";
  }

  @Override
  public int numInputs() {
    return 2;
  }

  @Override
  public Shape[] inferShapes(Shape[] in) throws OpException {
    Shapes.require(in.length == 2, "non_max_suppression takes 2 inputs (data, valid_count), got %d", in.length);
    Shape data = in[0];
    Shape valid = in[1];
    Shapes.require(data.ndim() == 3, "non_max_suppression data must be 3-D (batch, boxes, 6), got shape %s", data);
    Shapes.require(valid.ndim() == 1, "non_max_suppression valid_count must be 1-D, got shape %s", valid);
    Shapes.require(data.dim(2) == K, "non_max_suppression data must have shape (batch, boxes, 6), got %s", data);
    Shapes.require(data.dim(0) == valid.dim(0),
        "non_max_suppression batch size mismatch: data %s, valid_count %s", data, valid);
    return new Shape[] {data};
  }

  @Override
  public int[] inferPrecisions(Shape[] in, int[] p) {
    return Precision.one(p[0]);
  }

  @Override
  public long opsPerElement(Shape[] in, Shape[] out) {
    return (long) in[0].dim(0) * 20;
  }

  @Override
  public void compute(Tensor[] in, Tensor[] out, Parallel parallel) {
    int[] x = in[0].data();
    int[] validCount = in[1].data();
    int[] y = out[0].data();
    Shape s = in[0].shape();
    int batches = s.dim(0);
    int n = s.dim(1);
    parallel.forRange(batches, (long) n * 32, (from, to) -> {
      for (int b = from; b < to; b++) {
        suppressBatch(x, validCount[b], y, b * n * K, n);
      }
    });
  }

  private void suppressBatch(int[] x, int validCount, int[] y, int base, int n) {
    int t = Math.max(Math.min(n, validCount), 0);
    int[] order = sortByScoreDescending(x, base, t);
    int outLimit = maxOutputSize >= 0 ? Math.min(t, maxOutputSize) : t;
    int candidates = topK >= 0 ? Math.min(t, topK) : t;
    int kept = 0;
    for (int p = 0; kept < outLimit && p < candidates; p++) {
      int row = base + order[p] * K;
      if (x[row] < 0) {
        continue;
      }
      boolean suppressed = false;
      for (int i = 0; i < kept; i++) {
        int sel = base + i * K;
        if ((forceSuppress || y[sel] == x[row]) && iou(y, sel + 2, x, row + 2) >= iouThreshold) {
          suppressed = true;
          break;
        }
      }
      if (!suppressed) {
        System.arraycopy(x, row, y, base + kept * K, K);
        kept++;
      }
    }
    Arrays.fill(y, base + kept * K, base + n * K, -1);
  }

  /**
   * Row numbers 0..t-1 of the batch ordered by score descending, ties in row order (a stable sort). Each key
   * packs the complemented score (ascending exactly when the score descends, without overflow) above the
   * row number, so one primitive sort gives the stable order.
   */
  private static int[] sortByScoreDescending(int[] x, int base, int t) {
    long[] keys = new long[t];
    for (int i = 0; i < t; i++) {
      keys[i] = ((long) ~x[base + i * K + 1] << 32) | i;
    }
    Arrays.sort(keys);
    int[] order = new int[t];
    for (int i = 0; i < t; i++) {
      order[i] = (int) keys[i];
    }
    return order;
  }

  /** IoU in integer percent of the corner boxes at {@code a[ai..ai+3]} and {@code b[bi..bi+3]}. */
  static long iou(int[] a, int ai, int[] b, int bi) {
    int ax1 = a[ai];
    int ay1 = a[ai + 1];
    int ax2 = a[ai + 2];
    int ay2 = a[ai + 3];
    int bx1 = b[bi];
    int by1 = b[bi + 1];
    int bx2 = b[bi + 2];
    int by2 = b[bi + 3];
    // Side lengths are 32-bit differences widened afterwards, as in the reference.
    long sumArea = (long) (ax2 - ax1) * (ay2 - ay1) + (long) (bx2 - bx1) * (by2 - by1);
    if (sumArea <= 0) {
      return 0;
    }
    int w = Math.max(0, Math.min(ax2, bx2) - Math.max(ax1, bx1));
    int h = Math.max(0, Math.min(ay2, by2) - Math.max(ay1, by1));
    long overlap = (long) h * w;
    long union = sumArea - overlap;
    if (union <= 0) {
      return 0;
    }
    if (Long.MAX_VALUE / 100 < overlap) {
      union /= 100;
    } else {
      overlap *= 100;
    }
    return union == 0 ? 0 : overlap / union;
  }
}
