package org.cvmj.chain.models;

import org.cvmj.cvm.exec.Executor;
import org.cvmj.cvm.exec.InferenceCodec;
import org.cvmj.cvm.model.Model;
import org.cvmj.cvm.model.ModelException;

/**
 * A verified model ready to run, with its on-chain byte convention (int32 big-endian, as Cortex).
 *
 * @param codec the big-endian codec of its graph
 */
record LoadedModel(Model model, InferenceCodec codec) {
  /**
   * Runs one inference on input bytes of exactly {@code codec().inputLength()}: the same bytes {@code cvm run}
   * produces, with int32 elements big-endian. One thread: the result does not depend on it, and a block builder
   * must not compete with itself.
   */
  byte[] run(byte[] input) throws ModelException {
    int[] values = codec.decodeInput(input);
    try (Executor ex = new Executor(model, 1)) {
      return codec.encodeOutput(ex.run(values));
    }
  }
}
