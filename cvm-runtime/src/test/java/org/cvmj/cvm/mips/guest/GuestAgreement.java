package org.cvmj.cvm.mips.guest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cvmj.cvm.exec.Executor;
import org.cvmj.cvm.exec.InferenceCodec;
import org.cvmj.cvm.model.Model;

/** The check every conformance test makes: the native guest's bytes equal the Java runtime's. */
final class GuestAgreement {
  private GuestAgreement() {}

  /** Asserts agreement on one input and returns the output bytes. */
  static byte[] assertSameOutput(Model model, byte[] input, String what) throws Exception {
    InferenceCodec codec = InferenceCodec.reference(model.graph());
    byte[] expected;
    try (Executor ex = new Executor(model, 1)) {
      expected = codec.encodeOutput(ex.run(codec.decodeInput(input)));
    }
    GuestBuild.Result r = GuestBuild.runNative(ModelPlan.encode(model), input);
    assertEquals(0, r.code(), () -> what + ": guest failed: " + r.stderr());
    assertArrayEquals(expected, r.output(), what);
    return expected;
  }
}
