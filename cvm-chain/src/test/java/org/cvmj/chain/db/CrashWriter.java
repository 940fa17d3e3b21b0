package org.cvmj.chain.db;

import java.nio.file.Path;

/**
 * The child process of {@link CrashSafetyTest}: opens the database in {@code args[0]}, reports the head it
 * starts from, then writes blocks until the head reaches {@code args[1]}, printing {@code written <number>
 * <hash>} after each write returns. The test kills it with SIGKILL somewhere in that loop.
 */
public final class CrashWriter {
  private CrashWriter() {}

  public static void main(String[] args) throws Exception {
    long last = Long.parseLong(args[1]);
    try (ChainDatabase db = ChainDatabase.open(Path.of(args[0]), TestChain.CHAIN_ID)) {
      System.out.println("start " + db.head().map(h -> Long.toString(h.number())).orElse("none"));
      System.out.flush();
      while (db.head().map(h -> h.number() < last).orElse(true)) {
        TestChain.Built b = TestChain.next(db);
        db.writeBlock(b.block(), b.receipts(), b.nodes());
        System.out.println("written " + b.block().number() + " " + b.block().hash().toHex());
        System.out.flush();
      }
    }
  }
}
