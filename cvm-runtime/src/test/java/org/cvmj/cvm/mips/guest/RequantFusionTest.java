package org.cvmj.cvm.mips.guest;

import static org.cvmj.cvm.mips.guest.TestNet.a;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.cvmj.cvm.format.EntryRef;
import org.cvmj.cvm.model.Model;
import org.junit.jupiter.api.Test;

/**
 * Requantisation chains fused into one OP_REQUANT record: the opcodes the encoder emits (so the fusion
 * provably happened, or provably did not), and the native guest's bytes against the Java runtime.
 */
class RequantFusionTest {

  private static EntryRef conv3x3(TestNet n, EntryRef x, int in, int out) {
    return n.op("conv2d", a("channels", Integer.toString(out), "kernel_size", "(3, 3)", "padding", "(1, 1)"),
        x, n.param(8, 127, out, in, 3, 3), n.param(8, 127, out));
  }

  private static EntryRef shift(TestNet n, EntryRef x, int precision, int bits) {
    return n.op("cvm_right_shift", a("precision", Integer.toString(precision), "shift_bit", Integer.toString(bits)), x);
  }

  /** The opcodes of a plan's records, in order. */
  static List<Integer> opcodes(Model model) throws Exception {
    ByteBuffer b = ByteBuffer.wrap(ModelPlan.encode(model));
    int tensors = b.getInt(16);
    int records = b.getInt(20);
    int heads = b.getInt(48);
    int at = PlanFormat.HEADER_WORDS + 3 * heads + 3 * tensors;
    List<Integer> ops = new ArrayList<>();
    for (int r = 0; r < records; r++) {
      ops.add(b.getInt(4 * at));
      at += b.getInt(4 * at + 4);
    }
    return ops;
  }

  @Test
  void convThenShiftMultiplyShiftReluIsOneRecord() throws Exception {
    // The ResNet pattern: the conv output is wide (16 bits after the first shift), so the record
    // multiplies and shifts again; relu then folds into the final clamp.
    TestNet n = new TestNet(21);
    EntryRef x = n.input(8, 1, 3, 7, 9);
    EntryRef c = conv3x3(n, x, 3, 5);
    EntryRef y = n.op("relu", shift(n, n.op("broadcast_mul", shift(n, c, 16, 2), n.param(8, 127, 1)), 8, 14));
    Model m = n.model(y);
    assertEquals(List.of(PlanFormat.OP_CONV2D, PlanFormat.OP_REQUANT), opcodes(m));
    n.assertGuestAgrees(m, "conv, shift, mul, shift, relu");
  }

  @Test
  void narrowChainsBecomeATable() throws Exception {
    // clip to 8 bits, then mul, shift, clip, mul by a negative constant, shift: all a 255-entry table.
    TestNet n = new TestNet(22);
    EntryRef x = n.input(8, 2, 4, 5, 6);
    EntryRef c = conv3x3(n, x, 4, 6);
    EntryRef t = n.op("cvm_clip", a("precision", "8"), c);
    t = shift(n, n.op("broadcast_mul", n.param(8, 1, 1), t), 8, 3);
    t = n.op("clip", a("a_min", "-20", "a_max", "50"), t);
    t = shift(n, n.op("broadcast_mul", t, n.param(8, 127, 1)), 8, 5);
    Model m = n.model(t);
    assertEquals(List.of(PlanFormat.OP_CONV2D, PlanFormat.OP_REQUANT), opcodes(m));
    n.assertGuestAgrees(m, "clip then table");
  }

  @Test
  void residualAddHeadsAChain() throws Exception {
    TestNet n = new TestNet(23);
    EntryRef x = n.input(8, 1, 4, 6, 6);
    EntryRef l = shift(n, n.op("broadcast_mul", shift(n, conv3x3(n, x, 4, 4), 16, 3), n.param(8, 100, 1)), 8, 12);
    EntryRef r = shift(n, n.op("broadcast_mul", n.op("cvm_clip", a("precision", "8"), x), n.param(8, 100, 1)), 8, 6);
    EntryRef sum = n.op("elemwise_add", l, r);
    EntryRef y = shift(n, n.op("broadcast_mul", shift(n, sum, 8, 1), n.param(8, 100, 1)), 8, 7);
    Model m = n.model(y);
    // conv, the left chain, the right chain (clip, mul, shift on the input), add + shift + table.
    assertEquals(List.of(PlanFormat.OP_CONV2D, PlanFormat.OP_REQUANT, PlanFormat.OP_REQUANT,
        PlanFormat.OP_REQUANT), opcodes(m));
    n.assertGuestAgrees(m, "residual add chain");
    // add then relu: a clamp only, no table.
    TestNet k = new TestNet(24);
    EntryRef v = k.input(8, 2, 3, 4);
    Model relu = k.model(k.op("relu", k.op("elemwise_add", v, k.op("negative", v))));
    assertEquals(List.of(PlanFormat.OP_UNARY, PlanFormat.OP_REQUANT), opcodes(relu));
    k.assertGuestAgrees(relu, "add then relu");
  }

  @Test
  void scalarStagesOnANarrowInput() throws Exception {
    // No clamp first: the input's precision bounds the table; sub with the constant first, add, lshift.
    TestNet n = new TestNet(25);
    EntryRef x = n.input(8, 3, 11);
    EntryRef t = n.op("broadcast_sub", n.param(8, 50, 1), x);
    t = n.op("broadcast_add", t, n.param(8, 50, 1));
    t = n.op("cvm_left_shift", a("precision", "12", "shift_bit", "3"), t);
    t = n.op("broadcast_sub", t, n.param(8, 127, 1));
    Model m = n.model(t);
    assertEquals(List.of(PlanFormat.OP_REQUANT), opcodes(m));
    n.assertGuestAgrees(m, "sub, add, lshift, sub");
  }

  @Test
  void sharedOrVisibleIntermediatesAreNotFused() throws Exception {
    TestNet n = new TestNet(26);
    EntryRef x = n.input(8, 1, 2, 5, 5);
    EntryRef c = conv3x3(n, x, 2, 3);
    // Two readers of the shifted value: the chain stops there (shift alone), each reader fuses on its own.
    EntryRef s = shift(n, c, 8, 9);
    EntryRef left = n.op("relu", n.op("broadcast_mul", s, n.param(8, 3, 1)));
    EntryRef right = n.op("cvm_clip", a("precision", "4"), n.op("broadcast_add", s, n.param(8, 3, 1)));
    Model two = n.model(n.op("elemwise_sub", left, right));
    assertEquals(List.of(PlanFormat.OP_CONV2D, PlanFormat.OP_RSHIFT, PlanFormat.OP_REQUANT,
        PlanFormat.OP_REQUANT, PlanFormat.OP_BINARY), opcodes(two));
    n.assertGuestAgrees(two, "two readers");

    // A head in the middle of a chain must be computed: the chain ends at the head.
    TestNet h = new TestNet(27);
    EntryRef v = h.input(8, 1, 2, 5, 5);
    EntryRef mid = h.op("relu", shift(h, conv3x3(h, v, 2, 3), 8, 9));
    Model heads = h.model(mid, h.op("cvm_clip", a("precision", "3"), mid));
    assertEquals(List.of(PlanFormat.OP_CONV2D, PlanFormat.OP_REQUANT, PlanFormat.OP_CLIP), opcodes(heads));
    h.assertGuestAgrees(heads, "head inside a chain");

    // A per-channel multiplier is not a scalar stage.
    TestNet p = new TestNet(28);
    EntryRef w = p.input(8, 1, 3, 4, 4);
    EntryRef perChannel = p.op("broadcast_mul", shift(p, conv3x3(p, w, 3, 3), 8, 9), p.param(8, 5, 3, 1, 1));
    Model pc = p.model(shift(p, perChannel, 8, 2));
    assertEquals(List.of(PlanFormat.OP_CONV2D, PlanFormat.OP_RSHIFT, PlanFormat.OP_BINARY, PlanFormat.OP_RSHIFT),
        opcodes(pc));
    p.assertGuestAgrees(pc, "per-channel multiplier");
  }
}
