package org.cvmj.mrt.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.cvmj.mrt.MrtException;

/**
 * Reads a data file whole, decompressing it when it starts with the gzip magic bytes. The content decides, not
 * the name: MNIST mirrors ship both {@code x} and {@code x.gz}, and a renamed file must still load.
 */
final class MaybeGzipped {
  private MaybeGzipped() {}

  /** Whether the bytes begin with the gzip magic 0x1f 0x8b. */
  static boolean isGzip(byte[] bytes) {
    return bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
  }

  static byte[] read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new MrtException(file + ": no such file");
    } catch (IOException e) {
      throw new MrtException(file + ": cannot read: " + e.getMessage(), e);
    }
    return isGzip(bytes) ? gunzip(bytes, file.toString()) : bytes;
  }

  static byte[] gunzip(byte[] bytes, String name) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new MrtException(name + ": corrupt gzip data (" + e.getMessage() + ")", e);
    }
  }
}
