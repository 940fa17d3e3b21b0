package org.cvmj.cvm.mips.guest;

import static org.cvmj.cvm.mips.guest.PlanFormat.CONV_BLOCK;
import static org.cvmj.cvm.mips.guest.PlanFormat.DENSE_BLOCK;
import static org.cvmj.cvm.mips.guest.PlanFormat.NO_TENSOR;
import static org.cvmj.cvm.mips.guest.PlanFormat.ROW_TAPS;

import org.cvmj.cvm.model.ModelException;
import org.cvmj.cvm.model.Node;
import org.cvmj.cvm.op.nn.Conv2d;
import org.cvmj.cvm.op.nn.Dense;
import org.cvmj.cvm.tensor.Shape;

/**
 * conv2d and dense. Their weights are re-blocked here, once, into the order the guest's inner loops read
 * them (a block of output channels or units side by side for each reduction step), so the guest spends
 * no steps transposing and its loops need no bounds tests.
 */
final class MatrixLowering {
  private MatrixLowering() {}

  /**
   * Fields: x w b y scratch N C H W OC OH OW SH SW PH PW G K COPY HP L TAPS. The guest reads the input in
   * planes of HP rows of SW phases of L words (phase p holds padded columns p, p + SW, ...): a padded
   * copy in the scratch buffer, or the input itself when there is no padding and unit column stride. Each
   * reduction step of the re-blocked weights carries its tap's byte offset into those planes, so the
   * guest's tile needs no column matrix. TAPS (1 or 3) is the number of taps per reduction step: 3 when
   * the kernel's width is a multiple of 3 at unit column stride and dilation, for the row tile.
   */
  static int[] conv2d(PlanBuilder plan, Node node) throws ModelException {
    Conv2d c = (Conv2d) node.op();
    int[] in = node.inputs();
    Shape x = plan.shape(in[0]);
    Shape y = plan.shape(node.firstEntry());
    int groups = c.groups();
    int ipg = x.dim(1) / groups;
    int opg = c.channels() / groups;
    int kh = c.kernelH();
    int kw = c.kernelW();
    int k = ipg * kh * kw;
    int sw = c.strideW();
    boolean copy = c.padH() != 0 || c.padW() != 0 || sw != 1;
    int hp = copy ? x.dim(2) + 2 * c.padH() : x.dim(2);
    int l = copy ? (x.dim(3) + 2 * c.padW() + sw - 1) / sw : x.dim(3);
    long plane = (long) hp * sw * l;
    // First, so that a copy too large for the heap is refused before any offset could overflow.
    int scratch = plan.scratch(copy ? x.dim(1) * plane : 0);
    int[] tapOffset = new int[k];
    for (int ci = 0; ci < ipg; ci++) {
      for (int fh = 0; fh < kh; fh++) {
        for (int fw = 0; fw < kw; fw++) {
          int t = fw * c.dilationW();
          long words = ci * plane + (long) fh * c.dilationH() * sw * l + (long) (t % sw) * l + t / sw;
          tapOffset[(ci * kh + fh) * kw + fw] = Math.toIntExact(4 * words);
        }
      }
    }
    int[] w = plan.prepack(node, in[1], "weight");
    // Row tile: 3 horizontally adjacent taps per reduction step, which at unit column stride and dilation
    // read 6 consecutive input words for 4 pixels (conv_tile3); else one tap per step (conv_tile).
    int taps = sw == 1 && c.dilationW() == 1 && kw % ROW_TAPS == 0 ? ROW_TAPS : 1;
    int steps = k / taps;
    int stepWords = CONV_BLOCK * taps + 1;
    int blocks = (opg + CONV_BLOCK - 1) / CONV_BLOCK;
    int[] blocked = new int[groups * blocks * steps * stepWords];
    for (int g = 0; g < groups; g++) {
      for (int b = 0; b < blocks; b++) {
        int base = (g * blocks + b) * steps * stepWords;
        for (int s = 0; s < steps; s++) {
          // The step's first tap; the others are the next taps of the same kernel row, 1 word apart.
          blocked[base + s * stepWords + CONV_BLOCK * taps] = tapOffset[s * taps];
        }
        for (int i = 0; i < CONV_BLOCK && b * CONV_BLOCK + i < opg; i++) {
          int oc = g * opg + b * CONV_BLOCK + i;
          for (int kk = 0; kk < k; kk++) {
            // Within a step: tap-major, then channel (weights of tap t at t * 4 .. t * 4 + 3).
            blocked[base + (kk / taps) * stepWords + (kk % taps) * CONV_BLOCK + i] = w[oc * k + kk];
          }
        }
      }
    }
    return new int[] {PlanFormat.OP_CONV2D, in[0], plan.constant(blocked),
        c.useBias() ? in[2] : NO_TENSOR, node.firstEntry(), scratch,
        x.dim(0), x.dim(1), x.dim(2), x.dim(3), c.channels(), y.dim(2), y.dim(3),
        c.strideH(), sw, c.padH(), c.padW(), groups, k, copy ? 1 : 0, hp, l, taps};
  }

  /** Fields: x w b y M K UNITS. */
  static int[] dense(PlanBuilder plan, Node node) throws ModelException {
    Dense d = (Dense) node.op();
    int[] in = node.inputs();
    Shape x = plan.shape(in[0]);
    int m = x.dim(0);
    int k = x.dim(1);
    int units = d.units();
    int[] w = plan.prepack(node, in[1], "weight");
    int blocks = (units + DENSE_BLOCK - 1) / DENSE_BLOCK;
    int[] blocked = new int[blocks * k * DENSE_BLOCK];
    for (int u = 0; u < units; u++) {
      int base = u / DENSE_BLOCK * k * DENSE_BLOCK + u % DENSE_BLOCK;
      for (int kk = 0; kk < k; kk++) {
        blocked[base + kk * DENSE_BLOCK] = w[u * k + kk];
      }
    }
    return new int[] {PlanFormat.OP_DENSE, in[0], plan.constant(blocked), d.useBias() ? in[2] : NO_TENSOR,
        node.firstEntry(), m, k, units};
  }
}
