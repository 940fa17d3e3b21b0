package org.cvmj.cvm.mips;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * The one reader and writer of checkpoint files: magic {@code CVMJSNAP}, a version word, the packed state
 * (which carries the memory root), a page count, then each written page as its index and 4096 bytes, in
 * address order; all big-endian. Reading rebuilds the memory and checks it against the root, so a damaged
 * file is refused rather than trusted. Captured output and standard input are not part of a checkpoint.
 */
public final class SnapshotFile {
  private static final byte[] MAGIC = {'C', 'V', 'M', 'J', 'S', 'N', 'A', 'P'};
  private static final int VERSION = 1;

  private SnapshotFile() {}

  /** Writes atomically: a reader never sees a half-written file. */
  public static void write(Machine machine, Path file) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream raw = Files.newOutputStream(tmp); DataOutputStream out = new DataOutputStream(
        new BufferedOutputStream(raw))) {
      out.write(MAGIC);
      out.writeInt(VERSION);
      out.write(machine.encodeState());
      int[][] pages = machine.memory().pages;
      out.writeInt(machine.memory().pageCount());
      for (int i = 0; i < pages.length; i++) {
        if (pages[i] != null) {
          out.writeInt(i);
          for (int w : pages[i]) {
            out.writeInt(w);
          }
        }
      }
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  public static Machine read(Path file) throws IOException, MipsException {
    try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(
        new BufferedInputStream(raw))) {
      byte[] magic = in.readNBytes(MAGIC.length);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new MipsException(file + ": not a CVM-J MIPS checkpoint (bad magic at byte 0)");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new MipsException(file + ": checkpoint version " + version + ", this build reads " + VERSION);
      }
      byte[] root = new byte[32];
      State state = State.decode(in.readNBytes(State.ENCODED_SIZE), root);
      Memory memory = new Memory();
      int count = in.readInt();
      if (count < 0 || count > Memory.PAGE_COUNT) {
        throw new MipsException(file + ": page count " + count + " is out of range");
      }
      int previous = -1;
      for (int k = 0; k < count; k++) {
        int index = in.readInt();
        if (index <= previous || index >= Memory.PAGE_COUNT) {
          throw new MipsException(file + ": page " + k + " has index " + index + ", not ascending in range");
        }
        previous = index;
        int[] page = new int[Memory.PAGE_WORDS];
        for (int w = 0; w < page.length; w++) {
          page[w] = in.readInt();
        }
        memory.loadPage(index, page);
      }
      if (in.read() != -1) {
        throw new MipsException(file + ": trailing bytes after " + count + " pages");
      }
      if (!Arrays.equals(memory.root(), root)) {
        throw new MipsException(file + ": memory does not match the memory root in its state; the file is damaged");
      }
      return new Machine(state, memory);
    } catch (EOFException e) {
      throw new MipsException(file + ": truncated checkpoint");
    }
  }
}
