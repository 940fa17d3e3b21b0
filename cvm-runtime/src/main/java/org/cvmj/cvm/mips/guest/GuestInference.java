package org.cvmj.cvm.mips.guest;

import java.util.List;
import org.cvmj.cvm.exec.InferenceCodec;
import org.cvmj.cvm.mips.ElfProgram;
import org.cvmj.cvm.mips.Machine;
import org.cvmj.cvm.mips.MipsException;
import org.cvmj.cvm.model.Model;
import org.cvmj.cvm.model.ModelException;

/**
 * A CVM inference inside the MIPS VM: the guest ELF booted with the model's plan and the input bytes at
 * their fixed addresses, so that the initial state hash commits to program, model and input; run to
 * exit_group; the output bytes read back from memory.
 */
public final class GuestInference {
  /** Far above any model the zoo holds (ResNet-20 needs about 10^8 steps); stops a runaway guest. */
  public static final long DEFAULT_MAX_STEPS = 100_000_000_000L;

  private GuestInference() {}

  /** The outcome of {@link #run}: output bytes as {@code cvm run} writes them, and the proof anchors. */
  public record Result(byte[] output, byte[] initialStateHash, byte[] finalStateHash, long steps) {}

  /** The machine before its first step: guest loaded, plan and input written. */
  public static Machine boot(Model model, byte[] input) throws MipsException, ModelException {
    InferenceCodec.reference(model.graph()).decodeInput(input); // checks the length against the model
    byte[] plan = ModelPlan.encode(model);
    Machine m = Machine.boot(ElfProgram.parse(GuestProgram.elf()), List.of("cvm-guest"));
    m.memory().writeBytes(GuestMemoryMap.PLAN, plan);
    m.memory().writeWord(GuestMemoryMap.INPUT, input.length);
    m.memory().writeBytes(GuestMemoryMap.INPUT + 4, input);
    return m;
  }

  public static Result run(Model model, byte[] input, long maxSteps) throws MipsException, ModelException {
    Machine m = boot(model, input);
    byte[] initial = m.stateHash();
    m.run(maxSteps);
    return new Result(output(m), initial, m.stateHash(), m.steps());
  }

  /** The output of a guest that has exited; its error message if it failed. */
  public static byte[] output(Machine m) throws MipsException {
    if (!m.exited()) {
      throw new MipsException("the guest has not finished after " + m.steps() + " steps");
    }
    if (m.exitCode() != 0) {
      throw new MipsException("the guest failed with exit code " + m.exitCode() + ": "
          + new String(m.stderr(), java.nio.charset.StandardCharsets.UTF_8).strip());
    }
    int length = m.memory().readWord(GuestMemoryMap.OUTPUT);
    if (length < 0 || length > GuestMemoryMap.OUTPUT_MAX) {
      throw new MipsException("the guest's output length word is " + Integer.toUnsignedString(length)
          + ", above the " + GuestMemoryMap.OUTPUT_MAX + "-byte output region");
    }
    return m.memory().readBytes(GuestMemoryMap.OUTPUT + 4, length);
  }
}
