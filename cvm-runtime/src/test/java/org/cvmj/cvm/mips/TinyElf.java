package org.cvmj.cvm.mips;

import java.nio.ByteBuffer;

/**
 * A minimal valid static MIPS32 big-endian executable, written field by field, for the loader tests:
 * the ELF header (52 bytes), two program headers at byte 52 and 84, then the code at {@link #CODE_OFFSET}
 * and the data right after. The code exits with status 7. Tests corrupt single fields with {@link #put32}.
 */
public final class TinyElf {
  static final int TEXT = 0x00400000;
  static final int DATA = 0x00410000;
  static final int PH0 = 52;
  static final int PH1 = PH0 + 32;
  static final int CODE_OFFSET = PH1 + 32;
  static final byte[] DATA_BYTES = {1, 2, 3, 4, 5, 6, 7, 8};
  static final int DATA_MEMSZ = 64;
  static final int DATA_OFFSET = CODE_OFFSET + 12;
  static final int LENGTH = DATA_OFFSET + DATA_BYTES.length;

  private TinyElf() {}

  public static byte[] valid() {
    ByteBuffer b = ByteBuffer.allocate(LENGTH); // big-endian by default, like the file
    b.put(new byte[] {0x7f, 'E', 'L', 'F', 1, 2, 1});
    b.position(16);
    b.putShort((short) 2).putShort((short) 8).putInt(1); // ET_EXEC, EM_MIPS, EV_CURRENT
    b.putInt(TEXT).putInt(PH0).putInt(0).putInt(0x50001001); // entry, phoff, shoff, flags (o32, mips32)
    b.putShort((short) 52).putShort((short) 32).putShort((short) 2); // ehsize, phentsize, phnum
    b.putShort((short) 40).putShort((short) 0).putShort((short) 0); // shentsize, shnum, shstrndx
    phdr(b, PH0, CODE_OFFSET, TEXT, 12, 12, ElfProgram.FLAG_READ | ElfProgram.FLAG_EXECUTE);
    phdr(b, PH1, DATA_OFFSET, DATA, DATA_BYTES.length, DATA_MEMSZ, ElfProgram.FLAG_READ | ElfProgram.FLAG_WRITE);
    b.position(CODE_OFFSET);
    b.putInt(0x24040007); // addiu $a0, $zero, 7
    b.putInt(0x24021096); // addiu $v0, $zero, 4246 (exit_group)
    b.putInt(0x0000000c); // syscall
    b.put(DATA_BYTES);
    return b.array();
  }

  private static void phdr(ByteBuffer b, int at, int offset, int vaddr, int filesz, int memsz, int flags) {
    b.position(at);
    b.putInt(1).putInt(offset).putInt(vaddr).putInt(vaddr).putInt(filesz).putInt(memsz).putInt(flags).putInt(4);
  }

  static byte[] put32(byte[] elf, int at, int value) {
    byte[] copy = elf.clone();
    ByteBuffer.wrap(copy).putInt(at, value);
    return copy;
  }

  public static byte[] put16(byte[] elf, int at, int value) {
    byte[] copy = elf.clone();
    ByteBuffer.wrap(copy).putShort(at, (short) value);
    return copy;
  }

  static byte[] put8(byte[] elf, int at, int value) {
    byte[] copy = elf.clone();
    copy[at] = (byte) value;
    return copy;
  }
}
