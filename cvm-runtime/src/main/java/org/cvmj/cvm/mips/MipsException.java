package org.cvmj.cvm.mips;

/**
 * A program the MIPS VM cannot load or run: a malformed ELF, an invalid instruction, a refused syscall.
 * Checked, because each of these is the user's input being wrong, not a bug in the VM.
 */
public final class MipsException extends Exception {
  public MipsException(String message) {
    super(message);
  }
}
