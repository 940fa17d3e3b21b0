package org.cvmj.cvm.mips;

/**
 * The world outside the committed state: captured output and standard input. Writes are a side channel
 * (they change no state); a read of standard input changes memory with bytes the state does not commit to,
 * so the one-step verifier's host refuses it.
 */
interface Host {
  /** {@code write(fd, buf, count)} for fd 1 or 2: the bytes are read from memory by the host. */
  void write(int fd, int addr, int count) throws MipsException;

  /** Up to {@code max} bytes of standard input (fewer at its end, none once exhausted). */
  byte[] readStdin(int max) throws MipsException;
}
