package org.cvmj.cvm.op.vision;

import java.util.Arrays;
import org.cvmj.cvm.op.OpAttrs;
import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.op.Operator;
import org.cvmj.cvm.op.Parallel;
import org.cvmj.cvm.op.Precision;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.cvm.tensor.Tensor;

/**
 * {@code get_valid_counts}: for each batch of an input {@code (B, N, K)}, copies the rows whose score
 * {@code row[1]} is strictly greater than {@code score_threshold} (an integer, default 0) to the front of
 * output 1, in their original order, fills the remaining rows of output 1 with -1, and writes the number
 * of rows kept to output 0 {@code (B,)}.
 *
 * <p>Shape rule: the input is 3-D with {@code 2 <= K < 32}. Precisions: output 0 gets
 * {@code numprec(N * K)} (the reference sizes the count by the elements of a batch, not by its rows),
 * output 1 the input precision. The gas of the node is weighted by output 0, as in the reference (whose
 * special case for this operator never fires because of a misspelt name).
 */
public record GetValidCounts(int scoreThreshold) implements Operator {

  public static GetValidCounts parse(OpAttrs attrs) throws OpException {
    int scoreThreshold = attrs.getInt("score_threshold", 0);
    attrs.finish();
    return new GetValidCounts(scoreThreshold);
  }

  @Override
  public String name() {
    return "get_valid_counts";
  }

  @Override
  public int numInputs() {
    return 1;
  }

  @Override
  public int numOutputs() {
    return 2;
  }

  @Override
  public Shape[] inferShapes(Shape[] in) throws OpException {
    if (in.length != 1) {
      throw new OpException("get_valid_counts takes 1 input, got " + in.length);
    }
    Shape x = in[0];
    if (x.ndim() != 3) {
      throw new OpException("get_valid_counts input must be 3-D (batch, boxes, values), got shape " + x);
    }
    int k = x.dim(2);
    if (k < 2 || k >= 32) {
      throw new OpException("get_valid_counts input " + x + " must have 2 <= last dimension < 32, got " + k);
    }
    return new Shape[] {Shape.of(x.dim(0)), x};
  }

  @Override
  public int[] inferPrecisions(Shape[] in, int[] p) throws OpException {
    Shape x = in[0];
    if (x.ndim() < 1 || x.dim(0) <= 0) {
      throw new OpException("get_valid_counts input shape " + x + " has no batch dimension");
    }
    long perBatch = x.size() / x.dim(0);
    return new int[] {Precision.ofNumber(perBatch), p[0]};
  }

  @Override
  public void compute(Tensor[] in, Tensor[] out, Parallel parallel) {
    int[] x = in[0].data();
    int[] count = out[0].data();
    int[] y = out[1].data();
    Shape s = in[0].shape();
    int batches = s.dim(0);
    int n = s.dim(1);
    int k = s.dim(2);
    // Serial on purpose: it is one copy pass, and a graph may give both outputs one storage id, in which
    // case only the reference's batch-by-batch write order defines the result.
    for (int b = 0; b < batches; b++) {
      int base = b * n * k;
      int kept = 0;
      for (int r = 0; r < n; r++) {
        int row = base + r * k;
        if (x[row + 1] > scoreThreshold) {
          System.arraycopy(x, row, y, base + kept * k, k);
          kept++;
        }
      }
      count[b] = kept;
      Arrays.fill(y, base + kept * k, base + n * k, -1);
    }
  }
}
