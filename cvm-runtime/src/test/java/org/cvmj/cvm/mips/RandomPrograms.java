package org.cvmj.cvm.mips;

import java.util.Random;

/**
 * Random straight-line programs with forward branches, so every one ends: ALU, HI/LO, loads and stores of
 * every width around a data base held in $s0, branches and jumps with delay slots, and system calls, ending
 * in exit_group.
 */
final class RandomPrograms {
  private static final int BASE_REG = 16;
  private static final int[] R_FUNCS = {0x21, 0x23, 0x24, 0x25, 0x26, 0x27, 0x2a, 0x2b, 0x04, 0x06, 0x07, 0x0a, 0x0b};
  private static final int[] LOADS = {0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x30};
  private static final int[] STORES = {0x28, 0x29, 0x2a, 0x2b, 0x2e, 0x38};

  private RandomPrograms() {}

  static Asm generate(Random rnd, int base, int data) {
    Asm a = new Asm().li(BASE_REG, data);
    int length = 120 + rnd.nextInt(120);
    while (a.size() < length) {
      int kind = rnd.nextInt(12);
      int rd = reg(rnd);
      int rs = anyReg(rnd);
      int rt = anyReg(rnd);
      switch (kind) {
        case 0, 1 -> a.emit(Asm.r(rs, rt, rd, 0, R_FUNCS[rnd.nextInt(R_FUNCS.length)]));
        case 2 -> a.emit(Asm.r(0, rt, rd, rnd.nextInt(32), new int[] {0, 2, 3}[rnd.nextInt(3)]));
        case 3 -> a.emit(Asm.i(new int[] {0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f}[rnd.nextInt(7)], rs, rd, rnd.nextInt()));
        case 4 -> {
          a.emit(Asm.r(rs, rt, 0, 0, new int[] {0x18, 0x19, 0x11, 0x13}[rnd.nextInt(4)]));
          a.emit(Asm.r(0, 0, rd, 0, rnd.nextBoolean() ? 0x10 : 0x12));
        }
        case 5 -> a.emit(Asm.special2(rs, rt, rd, new int[] {0x00, 0x01, 0x02, 0x04, 0x05, 0x20, 0x21}[rnd.nextInt(7)]));
        case 6 -> {
          // a divisor made odd, hence non-zero
          a.ori(rd, rd, 1);
          a.emit(Asm.r(rs, rd, 0, 0, rnd.nextBoolean() ? 0x1a : 0x1b));
        }
        case 7 -> {
          int op = LOADS[rnd.nextInt(LOADS.length)];
          a.emit(Asm.i(op, BASE_REG, rd, offset(rnd, op)));
        }
        case 8 -> {
          int op = STORES[rnd.nextInt(STORES.length)];
          a.emit(Asm.i(op, BASE_REG, op == 0x38 ? rd : rt, offset(rnd, op))); // sc writes 1 to its rt
        }
        case 9 -> {
          int skip = 1 + rnd.nextInt(4);
          int op = rnd.nextInt(7);
          if (op < 4) {
            a.emit(Asm.i(new int[] {0x04, 0x05, 0x06, 0x07}[op], rs, rt, skip + 1));
          } else if (op < 6) {
            a.emit(Asm.i(0x01, rs, new int[] {0x00, 0x01, 0x10, 0x11}[rnd.nextInt(4)], skip + 1));
          } else {
            a.emit((0x02 << 26) | (((base >>> 2) + a.size() + skip + 2) & 0x03FFFFFF));
          }
          a.addiu(rd, rs, rnd.nextInt(100)); // delay slot
          for (int k = 0; k < skip; k++) {
            a.addiu(reg(rnd), anyReg(rnd), rnd.nextInt(100));
          }
        }
        case 10 -> {
          int call = rnd.nextInt(5);
          switch (call) {
            case 0 -> a.addiu(4, 0, 1).addiu(5, BASE_REG, 0).addiu(6, 0, 8).addiu(2, 0, Syscalls.WRITE);
            case 1 -> a.addiu(4, 0, 0).addiu(5, 0, 5000).addiu(7, 0, 0x802).addiu(2, 0, Syscalls.MMAP);
            case 2 -> a.addiu(2, 0, Syscalls.BRK);
            case 3 -> a.addiu(4, 0, rnd.nextInt(4)).addiu(5, 0, 3).addiu(2, 0, Syscalls.FCNTL);
            default -> a.addiu(2, 0, 4000 + rnd.nextInt(400));
          }
          a.syscall();
        }
        default -> a.emit(Asm.i(0x09, rs, rd, rnd.nextInt()));
      }
    }
    return a.exit(rnd.nextInt(256));
  }

  /** Random values in every register but $0, $s0 (the data base), $sp. */
  static void seedRegisters(Machine m, Random rnd, int data) {
    int[] regs = m.state().regs;
    for (int i = 1; i < 32; i++) {
      if (i != BASE_REG && i != 29) {
        regs[i] = rnd.nextInt(5) == 0 ? 0 : rnd.nextInt();
      }
    }
    regs[BASE_REG] = data;
    for (int k = 0; k < 16; k++) {
      m.memory().writeWord(data + 4 * k, rnd.nextInt());
    }
  }

  /** An offset within the 64 data bytes, naturally aligned for halfword and word accesses. */
  private static int offset(Random rnd, int op) {
    int at = rnd.nextInt(64);
    return switch (op) {
      case 0x21, 0x25, 0x29 -> at & ~1;
      case 0x23, 0x2b, 0x30, 0x38 -> at & ~3;
      default -> at;
    };
  }

  /** A destination: anything but $0, $s0 and $sp. */
  private static int reg(Random rnd) {
    int r;
    do {
      r = 1 + rnd.nextInt(31);
    } while (r == BASE_REG || r == 29);
    return r;
  }

  private static int anyReg(Random rnd) {
    return rnd.nextInt(32);
  }
}
