package org.cvmj.cvm.mips;

import java.nio.ByteBuffer;

/**
 * The CPU part of the machine state; with the memory root it is the packed record whose keccak is the state
 * hash (docs/mips.md, "State"). Mutable: the step function updates it in place.
 */
public final class State {
  /** Bytes of the packed record: memRoot 32, pc, nextPC, lo, hi, heap 4 each, exitCode 1, exited 1, step 8, 32 registers. */
  public static final int ENCODED_SIZE = 32 + 5 * 4 + 1 + 1 + 8 + 32 * 4;

  int pc;
  int nextPC;
  int lo;
  int hi;
  int heap;
  int exitCode;
  boolean exited;
  long step;
  final int[] regs = new int[32];

  State() {}

  State copy() {
    State s = new State();
    s.pc = pc;
    s.nextPC = nextPC;
    s.lo = lo;
    s.hi = hi;
    s.heap = heap;
    s.exitCode = exitCode;
    s.exited = exited;
    s.step = step;
    System.arraycopy(regs, 0, s.regs, 0, 32);
    return s;
  }

  public int pc() {
    return pc;
  }

  public long step() {
    return step;
  }

  public boolean exited() {
    return exited;
  }

  public int exitCode() {
    return exitCode;
  }

  public int register(int i) {
    return regs[i];
  }

  /** The packed big-endian record with {@code memRoot} in front. */
  byte[] encode(byte[] memRoot) {
    ByteBuffer b = ByteBuffer.allocate(ENCODED_SIZE);
    b.put(memRoot).putInt(pc).putInt(nextPC).putInt(lo).putInt(hi).putInt(heap);
    b.put((byte) exitCode).put((byte) (exited ? 1 : 0)).putLong(step);
    for (int r : regs) {
      b.putInt(r);
    }
    return b.array();
  }

  /** Reads a packed record; returns the memory root, fills this state. */
  static State decode(byte[] packed, byte[] memRootOut) throws MipsException {
    if (packed.length != ENCODED_SIZE) {
      throw new MipsException("packed state has " + packed.length + " bytes, expected " + ENCODED_SIZE);
    }
    ByteBuffer b = ByteBuffer.wrap(packed);
    b.get(memRootOut);
    State s = new State();
    s.pc = b.getInt();
    s.nextPC = b.getInt();
    s.lo = b.getInt();
    s.hi = b.getInt();
    s.heap = b.getInt();
    s.exitCode = b.get() & 0xFF;
    int exited = b.get();
    if (exited != 0 && exited != 1) {
      throw new MipsException("packed state: exited flag at byte 53 is " + exited + ", expected 0 or 1");
    }
    s.exited = exited == 1;
    s.step = b.getLong();
    for (int i = 0; i < 32; i++) {
      s.regs[i] = b.getInt();
    }
    if (s.regs[0] != 0) {
      throw new MipsException("packed state: register $0 is " + Integer.toHexString(s.regs[0]) + ", must be 0");
    }
    return s;
  }
}
