package org.cvmj.cvm.mips.guest;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cvmj.cvm.exec.InferenceCodec;
import org.cvmj.cvm.format.ParamTensor;
import org.cvmj.cvm.model.Graph;
import org.cvmj.cvm.model.Model;
import org.cvmj.cvm.model.ModelException;
import org.cvmj.cvm.model.Node;
import org.cvmj.cvm.model.Postprocess;
import org.cvmj.cvm.model.Rule;
import org.cvmj.cvm.op.Precision;
import org.cvmj.cvm.tensor.Shape;

/**
 * The model plan: a model compiled for the CVM guest, written to guest memory at
 * {@link GuestMemoryMap#PLAN}. Every field is a 32-bit big-endian word (layout in docs/mips-guest.md):
 * a header, the heads, one location per tensor, one record per operator, then the constant data.
 *
 * <p>Every intermediate tensor gets an offset in one arena that the guest maps once; a tensor's slot is
 * reused after its last reader ({@link ArenaPlanner}). Operators that only relabel a shape share their
 * input's storage. The plan is a pure function of the model: same model, same bytes.
 */
public final class ModelPlan {
  private ModelPlan() {}

  /** Encodes a model; refuses, naming the node, an operator or a layout the guest does not implement. */
  public static byte[] encode(Model model) throws ModelException {
    Graph graph = model.graph();
    List<Node> nodes = graph.nodes();
    int entries = graph.entryCount();
    for (Node n : nodes) {
      if (!n.isVariable() && GuestOps.lookup(n.op().name()).isEmpty()) {
        throw new ModelException(Rule.GUEST_UNSUPPORTED, n.id(), n.name(), "operator " + n.op().name()
            + " is not implemented by the MIPS guest (it implements " + String.join(", ", GuestOps.names())
            + ")");
      }
    }
    int[][] paramValues = paramValues(model);
    PlanBuilder builder = new PlanBuilder(graph, paramValues);
    RequantFusion.Chain[] chains = RequantFusion.find(graph, paramValues);
    // Chain members after the first: no record and no storage of their own (the chain's record, at its
    // first node, writes the last member's output).
    boolean[] absorbed = new boolean[nodes.size()];
    for (RequantFusion.Chain c : chains) {
      if (c != null) {
        for (Node m : c.members().subList(1, c.members().size())) {
          absorbed[m.id()] = true;
        }
      }
    }

    // Lower every operator; a view's output shares its input's root storage.
    int[] root = new int[entries];
    Arrays.setAll(root, e -> e);
    List<int[]> records = new ArrayList<>();
    int[] recordNode = new int[nodes.size()];
    Arrays.fill(recordNode, -1);
    for (Node n : nodes) {
      if (n.isVariable() || absorbed[n.id()]) {
        continue;
      }
      if (chains[n.id()] != null) {
        recordNode[n.id()] = records.size();
        records.add(requantRecord(builder, chains[n.id()]));
        continue;
      }
      int[] record = GuestOps.lookup(n.op().name()).orElseThrow().lower(builder, n);
      if (record == null) {
        root[n.firstEntry()] = root[n.inputs()[0]];
      } else {
        recordNode[n.id()] = records.size();
        records.add(record);
      }
    }

    int[][] location = layout(graph, builder, root, chains, absorbed);
    Heads heads = heads(graph);

    // Sizes, then constant offsets.
    List<int[]> constants = builder.extraConstants();
    int tensors = entries + 1 + constants.size();
    long words = PlanFormat.HEADER_WORDS + 3L * heads.rows.length + 3L * tensors;
    for (int[] r : records) {
      words += r.length + 1;
    }
    long[] constantAt = new long[tensors];
    for (int e = 0; e < entries; e++) {
      if (root[e] == e && location[e][0] == PlanFormat.WHERE_PLAN) {
        constantAt[e] = words;
        words += paramValues[e].length;
      }
    }
    for (int c = 0; c < constants.size(); c++) {
      constantAt[entries + 1 + c] = words;
      words += constants.get(c).length;
    }
    words += PlanFormat.TAIL_WORDS;
    if (words * 4 > GuestMemoryMap.PLAN_MAX_BYTES) {
      throw new ModelException(Rule.GUEST_UNSUPPORTED, "the plan needs " + words * 4 + " bytes; the guest's plan"
          + " region holds " + GuestMemoryMap.PLAN_MAX_BYTES);
    }

    ByteBuffer out = ByteBuffer.allocate((int) words * 4); // big-endian
    InferenceCodec codec = InferenceCodec.reference(graph);
    out.putInt(PlanFormat.MAGIC).putInt(PlanFormat.VERSION).putInt((int) words)
        .putInt(location[entries][1] + builder.scratchWords())
        .putInt(tensors).putInt(records.size())
        .putInt(graph.inputEntry()).putInt(graph.inputShape().elements()).putInt(codec.inputTypeSize())
        .putInt(Precision.range(graph.inputPrecision()))
        .putInt(heads.post).putInt(codec.outputTypeSize()).putInt(heads.rows.length);
    for (int k = 0; k < heads.rows.length; k++) {
      out.putInt(graph.heads()[k]).putInt(heads.rows[k]).putInt(heads.rowLength[k]);
    }
    for (int t = 0; t < tensors; t++) {
      if (t < entries) {
        int[] loc = location[root[t]];
        int offset = loc[0] == PlanFormat.WHERE_PLAN ? (int) constantAt[root[t]] : loc[1];
        out.putInt(loc[0]).putInt(loc[0] == PlanFormat.WHERE_NONE ? 0 : offset)
            .putInt(loc[0] == PlanFormat.WHERE_NONE ? 0 : graph.shapes()[t].elements());
      } else if (t == entries) {
        out.putInt(PlanFormat.WHERE_ARENA).putInt(location[entries][1]).putInt(builder.scratchWords());
      } else {
        out.putInt(PlanFormat.WHERE_PLAN).putInt((int) constantAt[t]).putInt(constants.get(t - entries - 1).length);
      }
    }
    for (int[] r : records) {
      out.putInt(r[0]).putInt(r.length + 1);
      for (int i = 1; i < r.length; i++) {
        out.putInt(r[i]);
      }
    }
    for (int e = 0; e < entries; e++) {
      if (root[e] == e && location[e][0] == PlanFormat.WHERE_PLAN) {
        for (int v : paramValues[e]) {
          out.putInt(v);
        }
      }
    }
    for (int[] c : constants) {
      for (int v : c) {
        out.putInt(v);
      }
    }
    return out.array();
  }

  /** Parameter values by entry; null for entries the graph computes and for the input. */
  private static int[][] paramValues(Model model) {
    Graph graph = model.graph();
    Map<String, Integer> entryOf = new HashMap<>();
    for (Node n : graph.nodes()) {
      if (n.isVariable() && n.id() != graph.inputNode()) {
        entryOf.put(n.name(), n.firstEntry());
      }
    }
    int[][] values = new int[graph.entryCount()][];
    for (ParamTensor t : model.params()) {
      values[entryOf.get(t.name())] = t.values();
    }
    return values;
  }

  /**
   * Where each root entry lives: [WHERE_PLAN, -] for parameters something reads, [WHERE_ARENA, offset]
   * for the input and computed entries, [WHERE_NONE, 0] for unread ones. Index {@code entries} holds the
   * scratch buffer's offset, above every tensor.
   */
  private static int[][] layout(Graph graph, PlanBuilder builder, int[] root, RequantFusion.Chain[] chains,
      boolean[] absorbed) {
    List<Node> nodes = graph.nodes();
    int entries = graph.entryCount();
    int end = nodes.size();
    // Last reader of each root: the node index, or `end` for heads.
    int[] lastUse = new int[entries];
    Arrays.fill(lastUse, -1);
    for (Node n : nodes) {
      if (chains[n.id()] != null) {
        // A chain reads x and a at its first node; its constants are folded into the record.
        RequantFusion.Chain c = chains[n.id()];
        lastUse[root[c.x()]] = Math.max(lastUse[root[c.x()]], n.id());
        if (c.a() != PlanFormat.NO_TENSOR) {
          lastUse[root[c.a()]] = Math.max(lastUse[root[c.a()]], n.id());
        }
        continue;
      }
      if (absorbed[n.id()]) {
        continue;
      }
      for (int e : n.inputs()) {
        if (!builder.prepacked(n, e)) {
          lastUse[root[e]] = Math.max(lastUse[root[e]], n.id());
        }
      }
    }
    for (int h : graph.heads()) {
      lastUse[root[h]] = end;
    }
    lastUse[root[graph.inputEntry()]] = end; // the input is read before the first operator, keep it simple
    int[][] location = new int[entries + 1][];
    ArenaPlanner arena = new ArenaPlanner();
    List<List<Integer>> freeAfter = new ArrayList<>();
    for (int i = 0; i <= end; i++) {
      freeAfter.add(new ArrayList<>());
    }
    int in = graph.inputEntry();
    location[in] = new int[] {PlanFormat.WHERE_ARENA, arena.allocate(graph.shapes()[in].elements())};
    for (Node n : nodes) {
      if (n.isVariable()) {
        if (n.firstEntry() != in) {
          location[n.firstEntry()] = lastUse[n.firstEntry()] >= 0
              ? new int[] {PlanFormat.WHERE_PLAN, 0} : new int[] {PlanFormat.WHERE_NONE, 0};
        }
        continue;
      }
      if (absorbed[n.id()]) {
        for (int o = 0; o < n.numOutputs(); o++) {
          if (location[n.firstEntry() + o] == null) {
            location[n.firstEntry() + o] = new int[] {PlanFormat.WHERE_NONE, 0};
          }
        }
        continue;
      }
      if (chains[n.id()] != null) {
        int y = chains[n.id()].y();
        location[n.firstEntry()] = new int[] {PlanFormat.WHERE_NONE, 0};
        location[y] = new int[] {PlanFormat.WHERE_ARENA, arena.allocate(graph.shapes()[y].elements())};
        freeAfter.get(Math.max(lastUse[y], n.id())).add(location[y][1]);
        for (int offset : freeAfter.get(n.id())) {
          arena.free(offset);
        }
        continue;
      }
      for (int o = 0; o < n.numOutputs(); o++) {
        int e = n.firstEntry() + o;
        if (root[e] != e) {
          continue;
        }
        location[e] = new int[] {PlanFormat.WHERE_ARENA, arena.allocate(graph.shapes()[e].elements())};
        freeAfter.get(Math.max(lastUse[e], n.id())).add(location[e][1]);
      }
      for (int offset : freeAfter.get(n.id())) {
        arena.free(offset);
      }
    }
    for (int e = 0; e < entries; e++) {
      if (location[e] == null) {
        location[e] = location[root[e]];
      }
    }
    location[entries] = new int[] {PlanFormat.WHERE_ARENA, arena.highWater()};
    return location;
  }

  /** Fields: x a y n s lo hi m s2 lo2 hi2 table (docs/mips-guest.md, OP_REQUANT). */
  private static int[] requantRecord(PlanBuilder builder, RequantFusion.Chain c) {
    int table = c.table() == null ? PlanFormat.NO_TENSOR : builder.constant(c.table());
    return new int[] {PlanFormat.OP_REQUANT, c.x(), c.a(), c.y(), builder.size(c.y()), c.shift(), c.lo(),
        c.hi(), c.mul(), c.shift2(), c.lo2(), c.hi2(), table};
  }

  private record Heads(int post, int[] rows, int[] rowLength) {}

  /** Row structure of the heads as InferenceCodec packs them; refuses what it cannot pack. */
  private static Heads heads(Graph graph) throws ModelException {
    int[] h = graph.heads();
    int[] rows = new int[h.length];
    int[] len = new int[h.length];
    for (int k = 0; k < h.length; k++) {
      Shape s = graph.shapes()[h[k]];
      len[k] = s.last();
      rows[k] = s.elements() / s.last();
    }
    int post;
    if (graph.postprocess() == Postprocess.ARGMAX) {
      post = PlanFormat.POST_ARGMAX;
    } else if (graph.postprocess() == Postprocess.DETECTION || h.length > 1) {
      post = PlanFormat.POST_INTERLEAVE;
      if (h.length == 1) {
        throw new ModelException(Rule.OUTPUT, "a detection model needs more than one head to concatenate");
      }
      for (int k = 1; k < h.length; k++) {
        if (rows[k] != rows[0]) {
          throw new ModelException(Rule.OUTPUT, "heads cannot be interleaved: head 0 has " + rows[0]
              + " rows, head " + k + " has " + rows[k]);
        }
      }
    } else {
      post = PlanFormat.POST_NONE;
    }
    return new Heads(post, rows, len);
  }
}
