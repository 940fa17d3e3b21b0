package org.cvmj.cvm.mips.guest;

import static org.cvmj.cvm.mips.guest.TestNet.a;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.cvmj.cvm.demo.DemoModel;
import org.cvmj.cvm.format.EntryRef;
import org.cvmj.cvm.model.Model;
import org.cvmj.cvm.model.ModelException;
import org.cvmj.cvm.model.Rule;
import org.junit.jupiter.api.Test;

/** The plan encoder's contract: refusals, determinism, header, and the guest's checks of what it reads. */
class ModelPlanTest {

  private static Model demo() throws Exception {
    DemoModel.Files f = DemoModel.embedded();
    return Model.load(f.symbol(), f.params());
  }

  @Test
  void unsupportedOperatorIsRefusedByNameAndNode() throws Exception {
    TestNet n = new TestNet(1);
    EntryRef x = n.input(8, 1, 4, 6);
    EntryRef y = n.b.op("get_valid_counts", java.util.Map.of("score_threshold", "0"), 1, x);
    Model model = n.model(n.op("relu", y));
    ModelException e = assertThrows(ModelException.class, () -> ModelPlan.encode(model));
    assertEquals(Rule.GUEST_UNSUPPORTED, e.rule());
    assertTrue(e.getMessage().contains("operator get_valid_counts is not implemented by the MIPS guest"),
        e::getMessage);
    assertTrue(e.getMessage().contains("'get_valid_counts_0'"), e::getMessage);
  }

  @Test
  void convWeightsComputedByTheGraphAreRefused() throws Exception {
    TestNet n = new TestNet(2);
    EntryRef x = n.input(8, 1, 2, 5, 5);
    EntryRef w = n.op("relu", n.param(8, 127, 3, 2, 3, 3));
    Model model = n.model(n.op("conv2d", a("channels", "3", "kernel_size", "(3, 3)", "use_bias", "False"), x, w));
    ModelException e = assertThrows(ModelException.class, () -> ModelPlan.encode(model));
    assertTrue(e.getMessage().contains("conv2d weight must be a parameter"), e::getMessage);
  }

  @Test
  void encodingIsDeterministicAndStartsWithTheHeader() throws Exception {
    byte[] plan = ModelPlan.encode(demo());
    assertArrayEquals(plan, ModelPlan.encode(demo()));
    ByteBuffer b = ByteBuffer.wrap(plan);
    assertEquals(0x43564D50, b.getInt(0), "magic CVMP");
    assertEquals(4, b.getInt(4), "version");
    assertEquals(plan.length / 4, b.getInt(8), "word count");
    assertEquals(0, plan.length % 4);
    assertEquals(256, b.getInt(28), "input elements");
    assertEquals(1, b.getInt(32), "int8 input");
    assertEquals(127, b.getInt(36), "input clip range of precision 8");
    assertEquals(1, b.getInt(48), "one head");
  }

  @Test
  void arenaReusesSlotsOfDeadTensors() throws Exception {
    // A chain of eight same-size elementwise ops needs two live slots (plus the input), not eight.
    TestNet n = new TestNet(3);
    EntryRef x = n.input(8, 10, 10);
    EntryRef y = x;
    for (int i = 0; i < 8; i++) {
      y = n.op(i % 2 == 0 ? "relu" : "negative", y);
    }
    byte[] plan = ModelPlan.encode(n.model(y));
    assertEquals(3 * 100, ByteBuffer.wrap(plan).getInt(12), "arena words");
    n.assertGuestAgrees(n.model(y), "chain with reused slots");
  }

  @Test
  void guestRejectsACorruptPlanAndAWrongInput() throws Exception {
    byte[] plan = ModelPlan.encode(demo());
    byte[] input = DemoModel.embedded().input();
    byte[] bad = plan.clone();
    bad[0] = 0;
    GuestBuild.Result r = GuestBuild.runNative(bad, input);
    assertEquals(1, r.code());
    assertTrue(r.stderr().contains("plan: bad magic"), r.stderr());
    r = GuestBuild.runNative(plan, new byte[255]);
    assertEquals(1, r.code());
    assertTrue(r.stderr().contains("input: wrong byte count, expected 256"), r.stderr());
    byte[] truncated = java.util.Arrays.copyOf(plan, plan.length - 8);
    r = GuestBuild.runNative(truncated, input);
    assertEquals(1, r.code());
    assertTrue(r.stderr().contains("length word differs"), r.stderr());
    // Version 3 had conv2d records without TAPS: an older plan must be refused, not misread.
    byte[] old = plan.clone();
    old[7] = 3;
    r = GuestBuild.runNative(old, input);
    assertEquals(1, r.code());
    assertTrue(r.stderr().contains("plan: this guest reads plan version 4 only; the plan has version 3"),
        r.stderr());
  }

  @Test
  void guestRejectsAConvRecordWithBadTaps() throws Exception {
    // A 3x3 conv takes the row tile (TAPS 3, K = 2 * 3 * 3); TAPS must be 1, or 3 dividing K.
    TestNet n = new TestNet(3);
    EntryRef x = n.input(8, 1, 2, 5, 5);
    Model model = n.model(n.op("conv2d", a("channels", "3", "kernel_size", "(3, 3)", "use_bias", "False"), x,
        n.param(8, 127, 3, 2, 3, 3)));
    byte[] plan = ModelPlan.encode(model);
    ByteBuffer b = ByteBuffer.wrap(plan);
    int at = PlanFormat.HEADER_WORDS + 3 * b.getInt(48) + 3 * b.getInt(16);
    assertEquals(PlanFormat.OP_CONV2D, b.getInt(4 * at));
    int taps = 4 * (at + 2 + 21);
    assertEquals(3, b.getInt(taps));
    byte[] input = n.randomInput(model);
    assertEquals(0, GuestBuild.runNative(plan, input).code());
    for (int bad : new int[] {0, 2, 9}) {
      byte[] p = plan.clone();
      ByteBuffer.wrap(p).putInt(taps, bad);
      GuestBuild.Result r = GuestBuild.runNative(p, input);
      assertEquals(1, r.code(), "taps " + bad);
      assertTrue(r.stderr().contains("plan: conv2d taps per step must be 1, or 3 dividing K; got " + bad),
          r.stderr());
    }
  }
}
