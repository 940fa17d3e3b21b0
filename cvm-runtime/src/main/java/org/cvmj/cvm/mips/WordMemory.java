package org.cvmj.cvm.mips;

/**
 * What one step sees of memory: aligned big-endian 32-bit words. The interpreter backs it with the whole
 * {@link Memory}; the one-step verifier with the words a witness proves.
 */
interface WordMemory {
  /** The word at {@code addr}, which is a multiple of 4. */
  int readWord(int addr) throws MipsException;

  /** Stores the word at {@code addr}, which is a multiple of 4. */
  void writeWord(int addr, int value) throws MipsException;
}
