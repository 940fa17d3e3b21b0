package org.cvmj.cvm.mips.guest;

import static org.cvmj.cvm.mips.guest.PlanFormat.CONV_BLOCK;
import static org.cvmj.cvm.mips.guest.PlanFormat.CONV_PIXELS;
import static org.cvmj.cvm.mips.guest.PlanFormat.DENSE_BLOCK;
import static org.cvmj.cvm.mips.guest.PlanFormat.NO_TENSOR;

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

  /** Fields: x w b y scratch N C H W OC KH KW OH OW SH SW PH PW DH DW G. */
  static int[] conv2d(PlanBuilder plan, Node node) throws ModelException {
    Conv2d c = (Conv2d) node.op();
    int[] in = node.inputs();
    Shape x = plan.shape(in[0]);
    Shape y = plan.shape(node.firstEntry());
    int groups = c.groups();
    int ipg = x.dim(1) / groups;
    int opg = c.channels() / groups;
    int k = ipg * c.kernelH() * c.kernelW();
    int pixels = y.dim(2) * y.dim(3);
    int[] w = plan.prepack(node, in[1], "weight");
    int blocks = (opg + CONV_BLOCK - 1) / CONV_BLOCK;
    int[] blocked = new int[groups * blocks * k * CONV_BLOCK];
    for (int g = 0; g < groups; g++) {
      for (int b = 0; b < blocks; b++) {
        int base = (g * blocks + b) * k * CONV_BLOCK;
        for (int i = 0; i < CONV_BLOCK && b * CONV_BLOCK + i < opg; i++) {
          int oc = g * opg + b * CONV_BLOCK + i;
          for (int kk = 0; kk < k; kk++) {
            blocked[base + kk * CONV_BLOCK + i] = w[oc * k + kk];
          }
        }
      }
    }
    boolean direct = c.kernelH() == 1 && c.kernelW() == 1 && c.strideH() == 1 && c.strideW() == 1
        && c.padH() == 0 && c.padW() == 0;
    long columns = direct ? 0 : (long) k * ((pixels + CONV_PIXELS - 1) / CONV_PIXELS * CONV_PIXELS);
    int scratch = plan.scratch(columns);
    return new int[] {PlanFormat.OP_CONV2D, in[0], plan.constant(blocked),
        c.useBias() ? in[2] : NO_TENSOR, node.firstEntry(), scratch,
        x.dim(0), x.dim(1), x.dim(2), x.dim(3), c.channels(), c.kernelH(), c.kernelW(), y.dim(2), y.dim(3),
        c.strideH(), c.strideW(), c.padH(), c.padW(), c.dilationH(), c.dilationW(), groups};
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
