package org.cvmj.chain.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The benchmarks' guard: only http URLs of a loopback address pass. Nothing here is contacted. */
class LoopbackUrlTest {
  @Test
  void loopbackAddressesPass() {
    assertEquals(Optional.empty(), LoopbackUrl.problem(url("127.0.0.1")));
    assertEquals(Optional.empty(), LoopbackUrl.problem(url("[::1]")));
  }

  @Test
  void theWildcardAddressIsNotThisMachine() {
    String problem = LoopbackUrl.problem(url("0.0.0.0")).orElseThrow();
    assertTrue(problem.contains("0.0.0.0 is not this machine; the benchmark sends only to loopback"), problem);
  }

  @Test
  void otherSchemesAndNonUrlsAreRefused() {
    String https = LoopbackUrl.problem("https://127.0.0.1:8545/").orElseThrow();
    assertTrue(https.contains("expected an http URL"), https);
    String garbage = LoopbackUrl.problem("not a url").orElseThrow();
    assertTrue(garbage.contains("is not a URL"), garbage);
  }

  /** The RPC URL of a node on {@code host}, port 8545. */
  private static String url(String host) {
    return "http://" + host + ":8545/";
  }
}
