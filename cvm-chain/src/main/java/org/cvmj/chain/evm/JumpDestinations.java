package org.cvmj.chain.evm;

import java.util.BitSet;

/** Valid JUMP targets of a code: the positions of JUMPDEST (0x5B) bytes that are not PUSH data. */
final class JumpDestinations {
  private JumpDestinations() {}

  static BitSet analyze(byte[] code) {
    BitSet dests = new BitSet(code.length);
    for (int pc = 0; pc < code.length; pc++) {
      int op = code[pc] & 0xff;
      if (op == 0x5b) {
        dests.set(pc);
      } else if (op >= 0x60 && op <= 0x7f) {
        pc += op - 0x5f;
      }
    }
    return dests;
  }
}
