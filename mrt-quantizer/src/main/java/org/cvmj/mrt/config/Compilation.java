package org.cvmj.mrt.config;

import java.nio.file.Path;

/**
 * [COMPILATION]: the CVM model is compiled for batch size {@code batch} (1) and written to {@code dumpDir}
 * (empty = the current directory; relative paths are relative to the config file).
 */
public record Compilation(int batch, Path dumpDir) {
  static Compilation read(ConfigSection s) {
    s.checkDevice();
    int batch = s.positiveInt("Batch", 1);
    Path dir = s.path("Dump_dir").orElseGet(() -> Path.of("").toAbsolutePath());
    return new Compilation(batch, dir);
  }
}
