package org.cvmj.cvm.mips;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The process stack a Linux O32 program starts with: at $sp argc, then argv pointers and NULL, an empty
 * environment (NULL), and the auxiliary vector; the strings and the AT_RANDOM bytes lie above, up to
 * {@link Layout#STACK_TOP}. Everything is a fixed function of the arguments, so the initial state is too.
 */
final class InitialStack {
  private static final int AT_NULL = 0;
  private static final int AT_PAGESZ = 6;
  private static final int AT_ENTRY = 9;
  private static final int AT_RANDOM = 25;
  /** Arguments are bounded so the stack image stays far from anything else. */
  static final int MAX_ARGS_BYTES = 64 << 10;

  private InitialStack() {}

  /** Writes the image and returns the initial stack pointer. */
  static int write(Memory memory, List<String> argv, int entry) throws MipsException {
    int top = Layout.STACK_TOP;
    // AT_RANDOM must point at 16 bytes; fixed bytes keep the run deterministic.
    top -= 16;
    int random = top;
    memory.writeBytes(random, "cvmj-mips-random".getBytes(StandardCharsets.US_ASCII));
    int[] pointers = new int[argv.size()];
    int used = 0;
    for (int i = argv.size() - 1; i >= 0; i--) {
      byte[] s = argv.get(i).getBytes(StandardCharsets.UTF_8);
      used += s.length + 1;
      if (used > MAX_ARGS_BYTES) {
        throw new MipsException("program arguments exceed " + MAX_ARGS_BYTES + " bytes");
      }
      top -= s.length + 1;
      memory.writeBytes(top, s); // the terminating zero is already there
      pointers[i] = top;
    }
    int[] auxv = {AT_PAGESZ, 4096, AT_ENTRY, entry, AT_RANDOM, random, AT_NULL, 0};
    int words = 1 + pointers.length + 1 + 1 + auxv.length;
    int sp = (top - 4 * words) & ~15;
    int at = sp;
    memory.writeWord(at, pointers.length);
    for (int p : pointers) {
      memory.writeWord(at += 4, p);
    }
    memory.writeWord(at += 4, 0); // argv terminator
    memory.writeWord(at += 4, 0); // empty environment
    for (int v : auxv) {
      memory.writeWord(at += 4, v);
    }
    return sp;
  }
}
