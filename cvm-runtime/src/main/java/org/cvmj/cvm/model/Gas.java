package org.cvmj.cvm.model;

import java.util.Map;
import java.util.TreeMap;
import org.cvmj.cvm.tensor.Shape;

/**
 * The cost of a model, as the reference computes it: {@code GetOps} (the gas) and the storage size. Both
 * are pure functions of the graph (spec cvm-format-and-ops.md §3.1).
 */
public final class Gas {
  private static final long MAX_BASE = 1L << 30;
  private static final long MAX_TOTAL = 1L << 40;
  private static final long BYTES_PER_ELEMENT_WEIGHT = 5;

  private Gas() {}

  /**
   * {@code GetOps}: for every operator, its per-element weight times the size of output 0, plus 5 per
   * element of every entry. The reference's special case for {@code get_valid_counts} never fires (it
   * tests a misspelt name), so output 0 is used for every operator here too.
   */
  public static long ops(Graph g) throws ModelException {
    long ops = 0;
    long mem = 0;
    for (Node n : g.nodes()) {
      Shape[] out = new Shape[n.numOutputs()];
      for (int o = 0; o < out.length; o++) {
        out[o] = g.shapes()[n.firstEntry() + o];
        mem += out[o].size() * BYTES_PER_ELEMENT_WEIGHT;
      }
      if (n.isVariable()) {
        continue;
      }
      Shape[] in = new Shape[n.inputs().length];
      for (int k = 0; k < in.length; k++) {
        in[k] = g.shapes()[n.inputs()[k]];
      }
      long base = n.op().opsPerElement(in, out);
      if (base > MAX_BASE) {
        throw new ModelException(Rule.SHAPE_LIMITS, n.id(), n.name(), "operation weight " + base
            + " per element exceeds 2^30");
      }
      ops += base * out[0].size();
      if (ops > MAX_TOTAL) {
        throw new ModelException(Rule.SHAPE_LIMITS, n.id(), n.name(), "total operations exceed 2^40");
      }
    }
    if (mem > MAX_TOTAL) {
      throw new ModelException(Rule.SHAPE_LIMITS, "memory weight " + mem + " exceeds 2^40");
    }
    return ops + mem;
  }

  /** {@code GetStorageSize}: the bytes of one int32 buffer per storage id, each as large as its largest entry. */
  public static long storageBytes(Graph g) {
    Map<Integer, Long> pools = new TreeMap<>();
    for (int e = 0; e < g.entryCount(); e++) {
      pools.merge(g.storageIds()[e], g.shapes()[e].size() * 4, Math::max);
    }
    long total = 0;
    for (long bytes : pools.values()) {
      total += bytes;
    }
    return total;
  }
}
