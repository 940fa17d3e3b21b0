package org.cvmj.chain.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.cvmj.chain.chain.DevAccounts;
import org.cvmj.chain.cli.ChainCli;
import org.cvmj.chain.node.LocalNode;
import org.cvmj.chain.rpc.BlockSelector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The benchmark's plumbing on a tiny run: every workload sends what it says (the sender's nonce counts the
 * transactions), reports one rate per round, and the command refuses bad input with exit status 2. Rates are not
 * asserted: they are measurements, not behaviour.
 */
class ThroughputBenchTest {
  @TempDir Path dir;

  @Test
  void tinyRunSendsEveryTransactionAndReportsEachRound() throws Exception {
    ThroughputBench.Settings settings = new ThroughputBench.Settings(2, 3, 4, 2, 2, 50);
    StringWriter progress = new StringWriter();
    try (LocalNode node = LocalNode.start(LocalNode.Settings.dev(dir).withPort(0))) {
      List<Measurement> results = ThroughputBench.run(node.url(), DevAccounts.privateKey(0), settings,
          new PrintWriter(progress));
      assertEquals(List.of("ETH transfers tx/s", "Counter.increment() calls tx/s",
          "Work.storeHashChain(50) transactions tx/s", "Work.storeHashChain(50) transactions Mgas/s",
          "eth_call Work.hashChain(50) Mgas/s"), results.stream().map(m -> m.workload() + " " + m.unit()).toList());
      for (Measurement m : results) {
        assertEquals(2, m.rounds().size(), m.workload());
        assertTrue(m.rounds().stream().allMatch(r -> r > 0 && Double.isFinite(r)), m.toString());
      }
      // 2 deployments, 2 x (3 transfers + 4 increments + 2 work transactions), 1 probe of hashChain's gas
      long expectedNonce = 2 + 2 * (3 + 4 + 2) + 1;
      assertEquals(expectedNonce, node.node().nonce(DevAccounts.address(0),
          BlockSelector.LATEST));
      assertEquals(expectedNonce, node.node().blockNumber(), "automine: one block per transaction");
    }
    assertEquals(8, progress.toString().lines().count(), progress.toString());
  }

  @Test
  void medianOfOddAndEvenRounds() {
    assertEquals(3.0, new Measurement("w", "tx/s", List.of(9.0, 1.0, 3.0)).median());
    assertEquals(2.5, new Measurement("w", "tx/s", List.of(4.0, 1.0, 2.0, 3.0)).median());
  }

  @Test
  void badOptionsExitWithStatusTwoAndSayWhy() {
    StringWriter err = new StringWriter();
    CommandLine cl = ChainCli.commandLine();
    cl.setErr(new PrintWriter(err));
    assertEquals(ChainCli.ERROR, cl.execute("bench", "--key", "not-hex"));
    assertTrue(err.toString().contains("--key must be a private key in hex"), err.toString());

    err.getBuffer().setLength(0);
    assertEquals(ChainCli.ERROR, cl.execute("bench", "--rounds", "0"));
    assertTrue(err.toString().contains("at least 1"), err.toString());

    err.getBuffer().setLength(0);
    assertEquals(ChainCli.ERROR, cl.execute("bench", "--rpc", "ftp://127.0.0.1:1/"));
    assertTrue(err.toString().contains("expected an http URL"), err.toString());

    err.getBuffer().setLength(0);
    assertEquals(ChainCli.ERROR, cl.execute("bench", "--key", BigInteger.ZERO.toString(16)));
    assertTrue(err.toString().contains("not a secp256k1 private key"), err.toString());
  }
}
