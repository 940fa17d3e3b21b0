package org.cvmj.cvm.mips;

import java.util.ArrayList;
import java.util.List;

/** A tiny MIPS32 encoder for tests: instruction words built from fields, collected in program order. */
final class Asm {
  private final List<Integer> words = new ArrayList<>();

  static int r(int rs, int rt, int rd, int sa, int fn) {
    return (rs << 21) | (rt << 16) | (rd << 11) | (sa << 6) | fn;
  }

  static int i(int op, int rs, int rt, int imm) {
    return (op << 26) | (rs << 21) | (rt << 16) | (imm & 0xFFFF);
  }

  static int special2(int rs, int rt, int rd, int fn) {
    return (0x1c << 26) | r(rs, rt, rd, 0, fn);
  }

  Asm emit(int word) {
    words.add(word);
    return this;
  }

  Asm addiu(int rt, int rs, int imm) {
    return emit(i(0x09, rs, rt, imm));
  }

  Asm lui(int rt, int imm) {
    return emit(i(0x0f, 0, rt, imm));
  }

  Asm ori(int rt, int rs, int imm) {
    return emit(i(0x0d, rs, rt, imm));
  }

  /** Loads a full 32-bit constant (lui + ori). */
  Asm li(int rt, int value) {
    return lui(rt, value >>> 16).ori(rt, rt, value & 0xFFFF);
  }

  Asm addu(int rd, int rs, int rt) {
    return emit(r(rs, rt, rd, 0, 0x21));
  }

  Asm sw(int rt, int base, int offset) {
    return emit(i(0x2b, base, rt, offset));
  }

  Asm lw(int rt, int base, int offset) {
    return emit(i(0x23, base, rt, offset));
  }

  Asm beq(int rs, int rt, int offsetWords) {
    return emit(i(0x04, rs, rt, offsetWords));
  }

  Asm bne(int rs, int rt, int offsetWords) {
    return emit(i(0x05, rs, rt, offsetWords));
  }

  Asm nop() {
    return emit(0);
  }

  Asm syscall() {
    return emit(0x0c);
  }

  /** exit_group(code). */
  Asm exit(int code) {
    return addiu(4, 0, code).addiu(2, 0, Syscalls.EXIT_GROUP).syscall();
  }

  int size() {
    return words.size();
  }

  /** Loads the program at {@code base} into a fresh machine whose pc is {@code base}. */
  Machine machine(int base) {
    Memory m = new Memory();
    for (int k = 0; k < words.size(); k++) {
      m.writeWord(base + 4 * k, words.get(k));
    }
    return Machine.at(m, base, Layout.STACK_TOP);
  }
}
