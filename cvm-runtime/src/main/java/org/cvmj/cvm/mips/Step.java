package org.cvmj.cvm.mips;

/**
 * The one step function: executes the instruction at {@code pc} on a {@link State} and a {@link WordMemory}.
 * The interpreter and the one-step verifier both run exactly this code, so they cannot disagree. Every
 * instruction, a delay-slot instruction included, is one step; branches take effect through {@code nextPC}.
 * Each deliberate choice where MIPS32 leaves room is listed in docs/mips.md ("Decisions").
 *
 * <p>Per step at most one data word is touched (the word of a load or store, or of a {@code read} syscall),
 * which is what makes a witness of two Merkle proofs enough.
 */
final class Step {
  private Step() {}

  static void execute(State s, WordMemory m, Host host) throws MipsException {
    if (s.exited) {
      return;
    }
    int pc = s.pc;
    if ((pc & 3) != 0) {
      throw fault(s, 0, "instruction fetch from an unaligned address");
    }
    execute(s, m.readWord(pc), m, host);
  }

  /**
   * The step for an instruction word already fetched from {@code pc} (which is word-aligned): the
   * interpreter's loop fetches from its cached code page and comes in here.
   */
  static void execute(State s, int insn, WordMemory m, Host host) throws MipsException {
    int[] r = s.regs;
    int rs = (insn >>> 21) & 31;
    int rt = (insn >>> 16) & 31;
    int imm = (short) insn;
    switch (insn >>> 26) {
      case 0x00 -> special(s, m, host, insn);
      case 0x01 -> regimm(s, insn);
      case 0x02 -> jump(s, insn, (s.nextPC & 0xF0000000) | ((insn & 0x03FFFFFF) << 2), 0);
      case 0x03 -> jump(s, insn, (s.nextPC & 0xF0000000) | ((insn & 0x03FFFFFF) << 2), 31);
      case 0x04 -> branch(s, insn, r[rs] == r[rt], false);
      case 0x05 -> branch(s, insn, r[rs] != r[rt], false);
      case 0x06 -> branch(s, insn, r[rs] <= 0, false);
      case 0x07 -> branch(s, insn, r[rs] > 0, false);
      case 0x08 -> next(s, rt, addChecked(s, insn, r[rs], imm));
      case 0x09 -> next(s, rt, r[rs] + imm);
      case 0x0a -> next(s, rt, r[rs] < imm ? 1 : 0);
      case 0x0b -> next(s, rt, Integer.compareUnsigned(r[rs], imm) < 0 ? 1 : 0);
      case 0x0c -> next(s, rt, r[rs] & (imm & 0xFFFF));
      case 0x0d -> next(s, rt, r[rs] | (imm & 0xFFFF));
      case 0x0e -> next(s, rt, r[rs] ^ (imm & 0xFFFF));
      case 0x0f -> next(s, rt, imm << 16);
      case 0x14 -> branch(s, insn, r[rs] == r[rt], true);
      case 0x15 -> branch(s, insn, r[rs] != r[rt], true);
      case 0x16 -> branch(s, insn, r[rs] <= 0, true);
      case 0x17 -> branch(s, insn, r[rs] > 0, true);
      case 0x1c -> special2(s, insn);
      case 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x30 -> load(s, m, insn, r[rs] + imm);
      case 0x28, 0x29, 0x2a, 0x2b, 0x2e, 0x38 -> store(s, m, insn, r[rs] + imm);
      default -> throw invalid(s, insn);
    }
    s.step++;
  }

  private static void special(State s, WordMemory m, Host host, int insn) throws MipsException {
    int[] r = s.regs;
    int a = r[(insn >>> 21) & 31];
    int b = r[(insn >>> 16) & 31];
    int rd = (insn >>> 11) & 31;
    int sa = (insn >>> 6) & 31;
    switch (insn & 0x3F) {
      case 0x00 -> next(s, rd, b << sa);
      case 0x02 -> {
        requireZero(s, insn, (insn >>> 21) & 31, "rotr is MIPS32r2");
        next(s, rd, b >>> sa);
      }
      case 0x03 -> next(s, rd, b >> sa);
      case 0x04 -> next(s, rd, b << (a & 31));
      case 0x06 -> {
        requireZero(s, insn, sa, "rotrv is MIPS32r2");
        next(s, rd, b >>> (a & 31));
      }
      case 0x07 -> next(s, rd, b >> (a & 31));
      case 0x08 -> jump(s, insn, a, 0);
      case 0x09 -> jump(s, insn, a, rd);
      case 0x0a -> next(s, rd, b == 0 ? a : r[rd]);
      case 0x0b -> next(s, rd, b != 0 ? a : r[rd]);
      case 0x0c -> Syscalls.handle(s, m, host);
      case 0x0d -> throw fault(s, insn, "break " + ((insn >>> 6) & 0xFFFFF));
      case 0x0f -> next(s, 0, 0);
      case 0x10 -> next(s, rd, s.hi);
      case 0x11 -> {
        s.hi = a;
        next(s, 0, 0);
      }
      case 0x12 -> next(s, rd, s.lo);
      case 0x13 -> {
        s.lo = a;
        next(s, 0, 0);
      }
      case 0x18 -> setHiLo(s, (long) a * b);
      case 0x19 -> setHiLo(s, Integer.toUnsignedLong(a) * Integer.toUnsignedLong(b));
      case 0x1a -> {
        requireDivisor(s, insn, b);
        s.lo = a / b;
        s.hi = a % b;
        next(s, 0, 0);
      }
      case 0x1b -> {
        requireDivisor(s, insn, b);
        s.lo = Integer.divideUnsigned(a, b);
        s.hi = Integer.remainderUnsigned(a, b);
        next(s, 0, 0);
      }
      case 0x20 -> next(s, rd, addChecked(s, insn, a, b));
      case 0x21 -> next(s, rd, a + b);
      case 0x22 -> next(s, rd, subChecked(s, insn, a, b));
      case 0x23 -> next(s, rd, a - b);
      case 0x24 -> next(s, rd, a & b);
      case 0x25 -> next(s, rd, a | b);
      case 0x26 -> next(s, rd, a ^ b);
      case 0x27 -> next(s, rd, ~(a | b));
      case 0x2a -> next(s, rd, a < b ? 1 : 0);
      case 0x2b -> next(s, rd, Integer.compareUnsigned(a, b) < 0 ? 1 : 0);
      case 0x30 -> trap(s, insn, "tge", a >= b);
      case 0x31 -> trap(s, insn, "tgeu", Integer.compareUnsigned(a, b) >= 0);
      case 0x32 -> trap(s, insn, "tlt", a < b);
      case 0x33 -> trap(s, insn, "tltu", Integer.compareUnsigned(a, b) < 0);
      case 0x34 -> trap(s, insn, "teq", a == b);
      case 0x36 -> trap(s, insn, "tne", a != b);
      default -> throw invalid(s, insn);
    }
  }

  private static void regimm(State s, int insn) throws MipsException {
    int a = s.regs[(insn >>> 21) & 31];
    int imm = (short) insn;
    switch ((insn >>> 16) & 31) {
      case 0x00 -> branch(s, insn, a < 0, false);
      case 0x01 -> branch(s, insn, a >= 0, false);
      case 0x02 -> branch(s, insn, a < 0, true);
      case 0x03 -> branch(s, insn, a >= 0, true);
      case 0x08 -> trap(s, insn, "tgei", a >= imm);
      case 0x09 -> trap(s, insn, "tgeiu", Integer.compareUnsigned(a, imm) >= 0);
      case 0x0a -> trap(s, insn, "tlti", a < imm);
      case 0x0b -> trap(s, insn, "tltiu", Integer.compareUnsigned(a, imm) < 0);
      case 0x0c -> trap(s, insn, "teqi", a == imm);
      case 0x0e -> trap(s, insn, "tnei", a != imm);
      case 0x10 -> linkAndBranch(s, insn, a < 0, false);
      case 0x11 -> linkAndBranch(s, insn, a >= 0, false);
      case 0x12 -> linkAndBranch(s, insn, a < 0, true);
      case 0x13 -> linkAndBranch(s, insn, a >= 0, true);
      default -> throw invalid(s, insn);
    }
  }

  private static void special2(State s, int insn) throws MipsException {
    int[] r = s.regs;
    int a = r[(insn >>> 21) & 31];
    int b = r[(insn >>> 16) & 31];
    int rd = (insn >>> 11) & 31;
    long hilo = ((long) s.hi << 32) | Integer.toUnsignedLong(s.lo);
    switch (insn & 0x3F) {
      case 0x00 -> setHiLo(s, hilo + (long) a * b);
      case 0x01 -> setHiLo(s, hilo + Integer.toUnsignedLong(a) * Integer.toUnsignedLong(b));
      case 0x02 -> next(s, rd, a * b);
      case 0x04 -> setHiLo(s, hilo - (long) a * b);
      case 0x05 -> setHiLo(s, hilo - Integer.toUnsignedLong(a) * Integer.toUnsignedLong(b));
      case 0x20 -> next(s, rd, Integer.numberOfLeadingZeros(a));
      case 0x21 -> next(s, rd, Integer.numberOfLeadingZeros(~a));
      default -> throw invalid(s, insn);
    }
  }

  private static void load(State s, WordMemory m, int insn, int ea) throws MipsException {
    int op = insn >>> 26;
    int rt = (insn >>> 16) & 31;
    requireAligned(s, insn, ea, op);
    int w = m.readWord(ea & ~3);
    int b = ea & 3;
    int old = s.regs[rt];
    int value = switch (op) {
      case 0x20 -> (byte) (w >>> (24 - 8 * b));
      case 0x21 -> (short) (w >>> (16 - 8 * b));
      case 0x22 -> (old & ~(-1 << (8 * b))) | (w << (8 * b));
      case 0x24 -> (w >>> (24 - 8 * b)) & 0xFF;
      case 0x25 -> (w >>> (16 - 8 * b)) & 0xFFFF;
      case 0x26 -> (old & ~(-1 >>> (24 - 8 * b))) | (w >>> (24 - 8 * b));
      default -> w; // lw, ll (ll sets no reservation: sc always succeeds)
    };
    next(s, rt, value);
  }

  private static void store(State s, WordMemory m, int insn, int ea) throws MipsException {
    int op = insn >>> 26;
    int rt = (insn >>> 16) & 31;
    int v = s.regs[rt];
    requireAligned(s, insn, ea, op);
    int addr = ea & ~3;
    int b = ea & 3;
    if (op == 0x2b || op == 0x38) {
      m.writeWord(addr, v);
      next(s, op == 0x38 ? rt : 0, 1);
      return;
    }
    int w = m.readWord(addr);
    int merged = switch (op) {
      case 0x28 -> (w & ~(0xFF << (24 - 8 * b))) | ((v & 0xFF) << (24 - 8 * b));
      case 0x29 -> (w & ~(0xFFFF << (16 - 8 * b))) | ((v & 0xFFFF) << (16 - 8 * b));
      case 0x2a -> (w & ~(-1 >>> (8 * b))) | (v >>> (8 * b));
      default -> (w & ~(-1 << (24 - 8 * b))) | (v << (24 - 8 * b)); // swr
    };
    m.writeWord(addr, merged);
    next(s, 0, 0);
  }

  /** Halfword and word accesses must be naturally aligned (an address error on MIPS32); lwl/lwr/swl/swr exist for the rest. */
  private static void requireAligned(State s, int insn, int ea, int op) throws MipsException {
    int mask = switch (op) {
      case 0x21, 0x25, 0x29 -> 1;
      case 0x23, 0x2b, 0x30, 0x38 -> 3;
      default -> 0;
    };
    if ((ea & mask) != 0) {
      throw fault(s, insn, "unaligned " + (mask + 1) + "-byte access at 0x" + hex(ea));
    }
  }

  private static void requireDivisor(State s, int insn, int divisor) throws MipsException {
    if (divisor == 0) {
      throw fault(s, insn, "division by zero");
    }
  }

  private static void requireZero(State s, int insn, int field, String why) throws MipsException {
    if (field != 0) {
      throw fault(s, insn, "invalid instruction (" + why + ")");
    }
  }

  /** add and addi trap on signed overflow (gcc emits addu/addiu, which wrap). */
  private static int addChecked(State s, int insn, int a, int b) throws MipsException {
    int sum = a + b;
    if (((a ^ sum) & (b ^ sum)) < 0) {
      throw fault(s, insn, "integer overflow");
    }
    return sum;
  }

  private static int subChecked(State s, int insn, int a, int b) throws MipsException {
    int diff = a - b;
    if (((a ^ b) & (a ^ diff)) < 0) {
      throw fault(s, insn, "integer overflow");
    }
    return diff;
  }

  private static void trap(State s, int insn, String name, boolean condition) throws MipsException {
    if (condition) {
      throw fault(s, insn, "trap: " + name + " condition true");
    }
    next(s, 0, 0);
  }

  private static void setHiLo(State s, long value) {
    s.hi = (int) (value >>> 32);
    s.lo = (int) value;
    next(s, 0, 0);
  }

  /** Ends an ordinary instruction: writes {@code reg} (never $0) and moves on to nextPC. */
  static void next(State s, int reg, int value) {
    if (reg != 0) {
      s.regs[reg] = value;
    }
    s.pc = s.nextPC;
    s.nextPC += 4;
  }

  private static void branch(State s, int insn, boolean taken, boolean likely) throws MipsException {
    requireNotInDelaySlot(s, insn);
    int target = s.pc + 4 + ((short) insn << 2);
    if (taken) {
      s.pc = s.nextPC;
      s.nextPC = target;
    } else if (likely) {
      s.pc = s.nextPC + 4; // a not-taken branch-likely skips its delay slot
      s.nextPC = s.pc + 4;
    } else {
      s.pc = s.nextPC;
      s.nextPC += 4;
    }
  }

  /** bltzal/bgezal and their likely forms link $31 whether or not the branch is taken. */
  private static void linkAndBranch(State s, int insn, boolean taken, boolean likely) throws MipsException {
    int link = s.pc + 8;
    branch(s, insn, taken, likely);
    s.regs[31] = link;
  }

  private static void jump(State s, int insn, int target, int linkReg) throws MipsException {
    requireNotInDelaySlot(s, insn);
    int link = s.pc + 8;
    s.pc = s.nextPC;
    s.nextPC = target;
    if (linkReg != 0) {
      s.regs[linkReg] = link;
    }
  }

  /** A branch in a delay slot is UNPREDICTABLE on MIPS32; the VM refuses it instead of guessing. */
  private static void requireNotInDelaySlot(State s, int insn) throws MipsException {
    if (s.nextPC != s.pc + 4) {
      throw fault(s, insn, "branch or jump in a delay slot");
    }
  }

  static MipsException invalid(State s, int insn) {
    return fault(s, insn, "invalid instruction");
  }

  static MipsException fault(State s, int insn, String what) {
    return new MipsException(what + " at pc 0x" + hex(s.pc) + " (instruction word 0x" + hex(insn) + ", step "
        + s.step + ")");
  }

  static String hex(int v) {
    return String.format("%08x", v);
  }
}
