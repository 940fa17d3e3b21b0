package org.cvmj.cvm.mips;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Machines at arbitrary steps of one run, made cheap by snapshots every {@code interval} steps: kept in
 * memory, and also in a cache directory when one is given, under the initial state hash (so a cache never
 * mixes runs) as {@code <step>.snap}. A request for step k resumes from the last snapshot at or before k.
 */
public final class Checkpoints {
  private final long interval;
  private final Path dir;
  private final TreeMap<Long, Machine> snapshots = new TreeMap<>();

  /** {@code cacheDir} may be null: snapshots then live in memory only. */
  public Checkpoints(Machine initial, long interval, Path cacheDir) throws IOException {
    if (interval < 1) {
      throw new IllegalArgumentException("checkpoint interval must be at least 1, got " + interval);
    }
    if (initial.steps() != 0) {
      throw new IllegalArgumentException("checkpoints start from an initial machine, not one at step " + initial.steps());
    }
    this.interval = interval;
    this.dir = cacheDir == null ? null : cacheDir.resolve(HexFormat.of().formatHex(initial.stateHash()));
    if (dir != null) {
      Files.createDirectories(dir);
    }
    snapshots.put(0L, initial.copy());
  }

  /** A fresh machine at step {@code k}, or at its exit if the program ends before k. */
  public Machine at(long k) throws MipsException, IOException {
    Map.Entry<Long, Machine> floor = snapshots.floorEntry(k);
    long fromDisk = dir == null ? -1 : latestOnDisk(k);
    Machine m = fromDisk > floor.getKey() ? load(fromDisk) : floor.getValue().copy();
    for (long next = (m.steps() / interval + 1) * interval; next <= k && !m.exited(); next += interval) {
      m.runTo(next);
      if (m.steps() == next) {
        keep(m);
      }
    }
    m.runTo(k);
    return m;
  }

  public int inMemory() {
    return snapshots.size();
  }

  private void keep(Machine m) throws IOException {
    snapshots.put(m.steps(), m.copy());
    if (dir != null) {
      Path file = dir.resolve(m.steps() + ".snap");
      if (!Files.exists(file)) {
        SnapshotFile.write(m, file);
      }
    }
  }

  private Machine load(long step) throws IOException, MipsException {
    Machine m = SnapshotFile.read(dir.resolve(step + ".snap"));
    if (m.steps() != step) {
      throw new MipsException(dir.resolve(step + ".snap") + " holds step " + m.steps() + ", not " + step);
    }
    snapshots.put(step, m.copy());
    return m;
  }

  private long latestOnDisk(long k) throws IOException {
    long best = -1;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String name = p.getFileName().toString();
        if (name.matches("[0-9]{1,18}\\.snap")) {
          long step = Long.parseLong(name.substring(0, name.length() - 5));
          if (step <= k && step > best) {
            best = step;
          }
        }
      }
    }
    return best;
  }
}
