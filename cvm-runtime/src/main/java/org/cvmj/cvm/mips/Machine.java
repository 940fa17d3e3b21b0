package org.cvmj.cvm.mips;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * The interpreter: a {@link State} and a {@link Memory} stepped by {@link Step}, with standard output and
 * error captured and standard input fed from a buffer. Running hashes nothing; the state hash and witnesses
 * are computed when asked for.
 */
public final class Machine {
  /** Captured output beyond this is refused: a runaway program must not exhaust the host. */
  static final int OUTPUT_LIMIT = 64 << 20;

  private final State state;
  private final Memory memory;
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private byte[] stdin = new byte[0];
  private int stdinPos;
  private final Host host = new Host() {
    @Override
    public void write(int fd, int addr, int count) throws MipsException {
      ByteArrayOutputStream out = fd == 1 ? stdout : stderr;
      if (count < 0 || out.size() + (long) count > OUTPUT_LIMIT) {
        throw new MipsException("write of " + Integer.toUnsignedString(count) + " bytes to fd " + fd
            + " exceeds the " + (OUTPUT_LIMIT >> 20) + " MiB output limit at step " + state.step);
      }
      out.writeBytes(memory.readBytes(addr, count));
    }

    @Override
    public byte[] readStdin(int max) {
      int n = Math.min(max, stdin.length - stdinPos);
      byte[] out = Arrays.copyOfRange(stdin, stdinPos, stdinPos + n);
      stdinPos += n;
      return out;
    }
  };

  Machine(State state, Memory memory) {
    this.state = state;
    this.memory = memory;
  }

  /**
   * Loads a static program as Linux would start it: every PT_LOAD at its address with a zeroed bss, and the
   * stack at {@link Layout#STACK_TOP} holding argc, argv, an empty environment and an auxiliary vector.
   */
  public static Machine boot(ElfProgram program, List<String> argv) throws MipsException {
    Memory memory = new Memory();
    for (ElfProgram.Segment seg : program.segments()) {
      Layout.checkSegment(Integer.toUnsignedLong(seg.vaddr()), seg.end(), seg.toString());
      memory.writeBytes(seg.vaddr(), seg.data());
    }
    return at(memory, program.entry(), InitialStack.write(memory, argv, program.entry()));
  }

  /** A machine whose next instruction is at {@code entry} with the given stack pointer; all else zero. */
  static Machine at(Memory memory, int entry, int sp) {
    State s = new State();
    s.pc = entry;
    s.nextPC = entry + 4;
    s.heap = Layout.HEAP_START;
    s.regs[29] = sp;
    return new Machine(s, memory);
  }

  public void setStdin(byte[] data) {
    stdin = data.clone();
    stdinPos = 0;
  }

  /**
   * Runs until the program exits or {@code maxSteps} more steps have run. Instruction words come straight
   * from the current code page, so a fetch costs neither an interface call nor a page lookup.
   */
  public void run(long maxSteps) throws MipsException {
    State s = state;
    Memory m = memory;
    Host h = host;
    int[][] pages = m.pages;
    int[] code = null;
    int codeIndex = -1;
    for (long n = maxSteps; n > 0 && !s.exited; n--) {
      int pc = s.pc;
      int index = pc >>> Memory.PAGE_SHIFT;
      if (index != codeIndex || code == null) {
        code = pages[index];
        codeIndex = index;
      }
      if ((pc & 3) != 0 || code == null) {
        Step.execute(s, m, h); // unaligned (it stops there) or a never-written page (zeros)
      } else {
        Step.execute(s, code[(pc >>> 2) & (Memory.PAGE_WORDS - 1)], m, h);
      }
    }
  }

  /** Runs until step number {@code step} (the state after that many steps), or until the program exits. */
  public void runTo(long step) throws MipsException {
    if (step < state.step) {
      throw new IllegalArgumentException("step " + step + " is behind the machine at " + state.step);
    }
    run(step - state.step);
  }

  /** Executes one step and returns the witness that proves it (see {@link StepVerifier}). */
  public StepWitness proveStep() throws MipsException {
    byte[] pre = encodeState();
    byte[] instructionProof = state.exited ? new byte[0] : memory.proof(state.pc);
    DataProofRecorder recorder = new DataProofRecorder(memory);
    memory.recorder = recorder;
    try {
      Step.execute(state, memory, host);
    } finally {
      memory.recorder = null;
    }
    return new StepWitness(pre, instructionProof, recorder.dataProof());
  }

  public boolean exited() {
    return state.exited;
  }

  public int exitCode() {
    return state.exitCode;
  }

  public long steps() {
    return state.step;
  }

  public State state() {
    return state;
  }

  public Memory memory() {
    return memory;
  }

  public byte[] stdout() {
    return stdout.toByteArray();
  }

  public byte[] stderr() {
    return stderr.toByteArray();
  }

  /** The packed state record (docs/mips.md, "State"). */
  public byte[] encodeState() {
    return state.encode(memory.root());
  }

  public byte[] stateHash() {
    return new Keccak().hash(encodeState());
  }

  /** An independent copy, for checkpoints: captured output and the stdin position come along. */
  public Machine copy() {
    Machine c = new Machine(state.copy(), memory.copy());
    c.stdout.writeBytes(stdout.toByteArray());
    c.stderr.writeBytes(stderr.toByteArray());
    c.stdin = stdin;
    c.stdinPos = stdinPos;
    return c;
  }
}
