package org.cvmj.cvm.mips;

/**
 * Linux O32 system calls: number in $v0, arguments in $a0..$a3; the result goes to $v0 with $a3 = 0, or a
 * positive errno to $v0 with $a3 = 1. Only what a freestanding or small-libc program needs; the rest answers
 * ENOSYS. The table with every number is in docs/mips.md ("System calls").
 */
final class Syscalls {
  static final int EXIT = 4001;
  static final int READ = 4003;
  static final int WRITE = 4004;
  static final int BRK = 4045;
  static final int FCNTL = 4055;
  static final int MMAP = 4090;
  static final int CLONE = 4120;
  static final int EXIT_GROUP = 4246;

  static final int EBADF = 9;
  static final int EAGAIN = 11;
  static final int ENOMEM = 12;
  static final int EINVAL = 22;
  static final int ENOSYS = 89;

  /** MIPS's MAP_ANONYMOUS; there are no files to map. */
  static final int MAP_ANONYMOUS = 0x800;

  private Syscalls() {}

  static void handle(State s, WordMemory m, Host host) throws MipsException {
    int[] r = s.regs;
    int a0 = r[4];
    int a1 = r[5];
    int a2 = r[6];
    switch (r[2]) {
      case EXIT, EXIT_GROUP -> {
        s.exited = true;
        s.exitCode = a0 & 0xFF;
      }
      case WRITE -> {
        if (a0 == 1 || a0 == 2) {
          host.write(a0, a1, a2);
          succeed(s, a2);
        } else {
          fail(s, EBADF);
        }
      }
      case READ -> {
        if (a0 == 0) {
          succeed(s, readStdin(m, host, a1, a2));
        } else {
          fail(s, EBADF);
        }
      }
      case BRK -> succeed(s, Layout.BRK);
      case MMAP -> mmap(s, a0, a1, r[7]);
      case FCNTL -> fcntl(s, a0, a1);
      case CLONE -> fail(s, EAGAIN);
      default -> fail(s, ENOSYS);
    }
  }

  /**
   * Reads at most up to the end of the aligned word holding {@code addr} (a short read, which POSIX allows),
   * so that a step still touches one data word.
   */
  private static int readStdin(WordMemory m, Host host, int addr, int count) throws MipsException {
    int max = Math.min(Integer.compareUnsigned(count, 4) < 0 ? count : 4, 4 - (addr & 3));
    if (max == 0) {
      return 0;
    }
    byte[] data = host.readStdin(max);
    if (data.length == 0) {
      return 0;
    }
    int word = m.readWord(addr & ~3);
    for (int i = 0; i < data.length; i++) {
      int shift = 24 - 8 * ((addr + i) & 3);
      word = (word & ~(0xFF << shift)) | ((data[i] & 0xFF) << shift);
    }
    m.writeWord(addr & ~3, word);
    return data.length;
  }

  /** Anonymous mappings come from a bump heap; an address hint is returned as given (all memory exists). */
  private static void mmap(State s, int addr, int length, int flags) {
    if ((flags & MAP_ANONYMOUS) == 0) {
      fail(s, EBADF);
    } else if (addr != 0) {
      succeed(s, addr);
    } else {
      long size = (Integer.toUnsignedLong(length) + 0xFFF) & ~0xFFFL;
      if (size == 0 || Integer.toUnsignedLong(s.heap) + size > Layout.HEAP_END) {
        fail(s, ENOMEM);
      } else {
        int start = s.heap;
        s.heap += (int) size;
        succeed(s, start);
      }
    }
  }

  /** F_GETFD and F_GETFL on the three standard descriptors. */
  private static void fcntl(State s, int fd, int cmd) {
    if (cmd != 1 && cmd != 3) {
      fail(s, EINVAL);
    } else if (fd < 0 || fd > 2) {
      fail(s, EBADF);
    } else {
      succeed(s, cmd == 3 && fd > 0 ? 1 : 0); // O_RDONLY for stdin, O_WRONLY for stdout and stderr
    }
  }

  private static void succeed(State s, int value) {
    s.regs[7] = 0;
    Step.next(s, 2, value);
  }

  private static void fail(State s, int errno) {
    s.regs[7] = 1;
    Step.next(s, 2, errno);
  }
}
