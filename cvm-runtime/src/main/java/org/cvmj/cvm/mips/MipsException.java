package org.cvmj.cvm.mips;

/** A program or state the VM cannot go on with: a bad ELF, an invalid instruction, a rejected witness. */
public final class MipsException extends Exception {
  public MipsException(String message) {
    super(message);
  }
}
