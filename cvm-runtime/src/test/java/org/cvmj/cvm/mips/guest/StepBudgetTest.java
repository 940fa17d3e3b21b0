package org.cvmj.cvm.mips.guest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cvmj.cvm.exec.Executor;
import org.cvmj.cvm.exec.InferenceCodec;
import org.cvmj.cvm.format.EntryRef;
import org.cvmj.cvm.model.Model;
import org.junit.jupiter.api.Test;

/**
 * Step counts are exact and deterministic, so the guest's cost is held to budgets here. opml's MNIST
 * network, a 784-20-10 MLP in soft float, takes about 12 M steps; the same shape as a CVM model must
 * take under 0.5 M.
 */
class StepBudgetTest {
  @Test
  void opmlShapedMlpTakesUnderHalfAMillionSteps() throws Exception {
    TestNet n = new TestNet(784);
    EntryRef x = n.input(8, 1, 784);
    EntryRef h = n.op("relu", n.requant(n.op("dense", TestNet.a("units", "20"), x, n.param(8, 127, 20, 784),
        n.param(8, 127, 20)), 12));
    EntryRef y = n.requant(n.op("dense", TestNet.a("units", "10"), h, n.param(8, 127, 10, 20), n.param(8, 127, 10)), 9);
    Model model = n.model(y);
    byte[] input = n.randomInput(model);
    GuestInference.Result r = GuestInference.run(model, input, 10_000_000);
    InferenceCodec codec = InferenceCodec.reference(model.graph());
    try (Executor ex = new Executor(model, 1)) {
      assertArrayEquals(codec.encodeOutput(ex.run(codec.decodeInput(input))), r.output());
    }
    assertTrue(r.steps() < 500_000, r.steps() + " steps");
    assertTrue(r.steps() > 15_880, "at least one step per multiply-accumulate, got " + r.steps());
  }
}
