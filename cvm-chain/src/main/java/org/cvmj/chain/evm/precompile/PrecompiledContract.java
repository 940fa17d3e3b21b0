package org.cvmj.chain.evm.precompile;

/** A contract implemented natively at a fixed address. */
public interface PrecompiledContract {
  /** The gas this input costs; a call with less gas fails and consumes it all. */
  long gas(byte[] input);

  /** The output, or null when the input is invalid (the call then fails and consumes all its gas). */
  byte[] run(byte[] input);

  /** Input bytes [off, off+len), zero-padded past the end (precompiles read their input that way). */
  static byte[] slice(byte[] input, int off, int len) {
    byte[] out = new byte[len];
    if (off < input.length) System.arraycopy(input, off, out, 0, Math.min(len, input.length - off));
    return out;
  }

  /** base + perWord per 32-byte word of the input. */
  static long linear(long base, long perWord, byte[] input) {
    return base + perWord * ((input.length + 31L) / 32);
  }
}
