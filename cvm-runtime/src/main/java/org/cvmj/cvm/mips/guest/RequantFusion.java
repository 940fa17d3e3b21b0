package org.cvmj.cvm.mips.guest;

import java.util.ArrayList;
import java.util.List;
import org.cvmj.cvm.model.Graph;
import org.cvmj.cvm.model.Node;
import org.cvmj.cvm.op.Precision;
import org.cvmj.cvm.op.elemwise.Clip;
import org.cvmj.cvm.op.requant.CvmClip;
import org.cvmj.cvm.op.requant.CvmLeftShift;
import org.cvmj.cvm.op.requant.CvmRightShift;

/**
 * Finds chains of elementwise requantisation (cvm_right_shift, cvm_clip, relu, clip, cvm_left_shift, and
 * broadcast_mul/add/sub by a one-element parameter), optionally headed by an elemwise_add, and compiles
 * each into one OP_REQUANT record: {@code v = x (+ a); v = round_shift(v) or v; v = clamp(v, lo, hi);
 * v = table[v - lo]}. Once a value is clamped to a small range, every later scalar stage is a function of
 * that value alone, so the rest of the chain is a lookup table computed here with the guest's own integer
 * semantics; a ResNet's four or five passes per convolution become one.
 *
 * <p>A chain only runs through an entry that has exactly one reader and is not a head, so nothing else
 * can observe the intermediates the guest no longer computes. The record runs at the chain's first node:
 * every member reads only its predecessor and constants, so the result is the same, and the chain's
 * inputs are still live there.
 */
final class RequantFusion {
  /** Largest lookup table, in entries; a chain whose clamp range is wider stops before its table part. */
  static final int TABLE_MAX = 4097;

  /** One fused chain: its member nodes in order (the first reads x and a, the last writes y). */
  record Chain(List<Node> members, int x, int a, int y, int shift, int lo, int hi, int mul, int shift2, int lo2,
      int hi2, int[] table) {}

  private final Graph graph;
  private final int[][] paramValues;
  private final int[] readers;
  private final boolean[] isHead;

  private RequantFusion(Graph graph, int[][] paramValues) {
    this.graph = graph;
    this.paramValues = paramValues;
    readers = new int[graph.entryCount()];
    for (Node n : graph.nodes()) {
      for (int e : n.inputs()) {
        readers[e]++;
      }
    }
    isHead = new boolean[graph.entryCount()];
    for (int h : graph.heads()) {
      isHead[h] = true;
    }
  }

  /** The chains of two or more nodes, indexed by node id of their first member (null elsewhere). */
  static Chain[] find(Graph graph, int[][] paramValues) {
    RequantFusion f = new RequantFusion(graph, paramValues);
    List<Node> nodes = graph.nodes();
    Chain[] byHead = new Chain[nodes.size()];
    boolean[] taken = new boolean[nodes.size()];
    for (Node n : nodes) {
      if (n.isVariable() || taken[n.id()]) {
        continue;
      }
      Chain c = f.chainFrom(n);
      if (c != null) {
        byHead[n.id()] = c;
        for (Node m : c.members()) {
          taken[m.id()] = true;
        }
      }
    }
    return byHead;
  }

  /** The single reader of an entry when it may be fused into it, else null. */
  private Node soleReader(int entry) {
    if (readers[entry] != 1 || isHead[entry] || entry == graph.inputEntry()) {
      return null;
    }
    for (Node n : graph.nodes()) {
      for (int e : n.inputs()) {
        if (e == entry) {
          return n;
        }
      }
    }
    return null;
  }

  private Chain chainFrom(Node head) {
    List<Node> members = new ArrayList<>();
    int x;
    int a = PlanFormat.NO_TENSOR;
    String name = head.op().name();
    if (name.equals("elemwise_add")
        && graph.shapes()[head.inputs()[0]].equals(graph.shapes()[head.firstEntry()])
        && graph.shapes()[head.inputs()[1]].equals(graph.shapes()[head.firstEntry()])) {
      x = head.inputs()[0];
      a = head.inputs()[1];
      members.add(head);
    } else if (stage(head) != null) {
      x = stageInput(head);
      members.add(head);
    } else {
      return null;
    }
    // Range of the value before any stage: the precision inference bounds every entry, so clamping
    // to it changes nothing. `clamped` says a real clamp (or shift) has narrowed it since.
    long range = rangeOf(graph.precisions()[a == PlanFormat.NO_TENSOR ? x : head.firstEntry()]);
    long lo = -range;
    long hi = range;
    boolean clamped = false;
    int shift = -1;
    Integer mul = null;
    int shift2 = -1;
    long lo1 = 0;
    long hi1 = 0;
    List<Stage> rest = new ArrayList<>();
    Node cur = head;
    Node next = a == PlanFormat.NO_TENSOR ? head : soleReader(head.firstEntry());
    for (;;) {
      Stage s = next == null ? null : stage(next);
      if (s == null || (next != head && stageInput(next) != cur.firstEntry())) {
        break;
      }
      if (rest.isEmpty() && !clamped && s.shift >= 0) {
        shift = s.shift;
        lo = s.lo;
        hi = s.hi;
        clamped = true;
        lo1 = lo;
        hi1 = hi;
      } else if (rest.isEmpty() && s.clamp && Math.max(lo, s.lo) <= Math.min(hi, s.hi)) {
        lo = Math.max(lo, s.lo);
        hi = Math.min(hi, s.hi);
        clamped = true;
        if (mul == null) {
          lo1 = lo;
          hi1 = hi;
        }
      } else if (rest.isEmpty() && clamped && mul == null && s.mul != null && hi - lo >= TABLE_MAX
          && soleReader(next.firstEntry()) != null && stage(soleReader(next.firstEntry())) != null
          && stage(soleReader(next.firstEntry())).shift >= 0) {
        // Too wide for a table: multiply and shift again in the record, then clamp to the narrow range.
        Node shiftNode = soleReader(next.firstEntry());
        if (stageInput(shiftNode) != next.firstEntry()) {
          break;
        }
        Stage sh = stage(shiftNode);
        mul = s.mul;
        shift2 = sh.shift;
        lo = sh.lo;
        hi = sh.hi;
        members.add(next);
        next = shiftNode;
      } else if (hi - lo < TABLE_MAX) {
        rest.add(s);
      } else {
        break;
      }
      if (next != head) {
        members.add(next);
      }
      cur = next;
      next = soleReader(cur.firstEntry());
    }
    if (members.size() < 2 || cur == head || lo > hi) {
      return null;
    }
    int[] table = null;
    if (!rest.isEmpty()) {
      table = new int[(int) (hi - lo + 1)];
      for (int i = 0; i < table.length; i++) {
        int v = (int) (lo + i);
        for (Stage s : rest) {
          v = s.apply(v);
        }
        table[i] = v;
      }
    }
    if (mul == null) {
      return new Chain(List.copyOf(members), x, a, cur.firstEntry(), shift, (int) lo, (int) hi, 1, -1, (int) lo,
          (int) hi, table);
    }
    return new Chain(List.copyOf(members), x, a, cur.firstEntry(), shift, (int) lo1, (int) hi1, mul, shift2,
        (int) lo, (int) hi, table);
  }

  private static long rangeOf(int precision) {
    return precision >= 32 ? Integer.MAX_VALUE : (1L << (precision - 1)) - 1;
  }

  /** The entry a scalar stage transforms (the non-constant operand of a broadcast). */
  private int stageInput(Node n) {
    int[] in = n.inputs();
    if (in.length == 2 && scalarParam(in[0]) && !scalarParam(in[1])) {
      return in[1];
    }
    return in[0];
  }

  private boolean scalarParam(int entry) {
    return paramValues[entry] != null && paramValues[entry].length == 1 && entry != graph.inputEntry();
  }

  /**
   * A scalar stage: a clamp, a rounding right shift then clamp (shift >= 0), or any other function of one
   * value (op). Exactly the guest kernels' integer semantics (elemwise.c, binary.c).
   */
  private record Stage(boolean clamp, int shift, long lo, long hi, java.util.function.IntUnaryOperator op,
      Integer mul) {
    int apply(int v) {
      if (shift >= 0) {
        v = ((v >> shift) + 1) >> 1;
      }
      if (op != null) {
        return op.applyAsInt(v);
      }
      return (int) Math.max(lo, Math.min(hi, v));
    }
  }

  private Stage stage(Node n) {
    switch (n.op().name()) {
      case "cvm_right_shift": {
        CvmRightShift s = (CvmRightShift) n.op();
        int r = Precision.range(s.precision());
        return new Stage(false, (s.shiftBit() - 1) & 31, -r, r, null, null);
      }
      case "cvm_clip": {
        int r = Precision.range(((CvmClip) n.op()).precision());
        return new Stage(true, -1, -r, r, null, null);
      }
      case "relu":
        return new Stage(true, -1, 0, Integer.MAX_VALUE, null, null);
      case "clip": {
        Clip c = (Clip) n.op();
        return new Stage(true, -1, c.min(), c.max(), null, null);
      }
      case "cvm_left_shift": {
        CvmLeftShift s = (CvmLeftShift) n.op();
        int r = Precision.range(s.precision());
        int sh = s.shiftBit() & 31;
        return new Stage(false, -1, 0, 0, v -> Math.max(-r, Math.min(r, v << sh)), null);
      }
      case "broadcast_mul":
      case "broadcast_add":
      case "broadcast_sub":
        return broadcastStage(n);
      default:
        return null;
    }
  }

  /** broadcast_mul/add/sub with one operand a one-element parameter and the other of the output's shape. */
  private Stage broadcastStage(Node n) {
    int[] in = n.inputs();
    boolean constFirst = scalarParam(in[0]) && !scalarParam(in[1]);
    boolean constSecond = scalarParam(in[1]) && !scalarParam(in[0]);
    if (!constFirst && !constSecond) {
      return null;
    }
    int x = constFirst ? in[1] : in[0];
    if (!graph.shapes()[x].equals(graph.shapes()[n.firstEntry()])) {
      return null;
    }
    int c = paramValues[constFirst ? in[0] : in[1]][0];
    switch (n.op().name()) {
      case "broadcast_mul":
        return new Stage(false, -1, 0, 0, v -> v * c, c);
      case "broadcast_add":
        return new Stage(false, -1, 0, 0, v -> v + c, null);
      default:
        return constFirst ? new Stage(false, -1, 0, 0, v -> c - v, null)
        : new Stage(false, -1, 0, 0, v -> v - c, null);
    }
  }
}
