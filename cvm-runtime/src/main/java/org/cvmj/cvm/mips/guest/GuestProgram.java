package org.cvmj.cvm.mips.guest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The committed MIPS build of the CVM guest (src/main/c/guest, built by its build.sh): a static
 * big-endian MIPS32 ELF whose entry point runs the plan at {@link GuestMemoryMap#PLAN} on the input at
 * {@link GuestMemoryMap#INPUT} and writes {@link GuestMemoryMap#OUTPUT}.
 */
public final class GuestProgram {
  /** Classpath location of the ELF. */
  public static final String RESOURCE = "/org/cvmj/cvm/mips/guest/cvm-guest.elf";

  private GuestProgram() {}

  /** The ELF bytes; a fresh copy on every call. */
  public static byte[] elf() {
    try (InputStream in = GuestProgram.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RESOURCE + " is missing from the build: rebuild it with"
            + " cvm-runtime/src/main/c/guest/build.sh mips and commit it");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + RESOURCE, e);
    }
  }
}
