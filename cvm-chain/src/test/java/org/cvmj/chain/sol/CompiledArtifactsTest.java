package org.cvmj.chain.sol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed artifacts are current: re-running cvm-chain/scripts/compile-solidity.js (node + npm solc 0.8.37
 * in cvm-chain/scripts/node_modules, which .ci/run installs) over cvm-chain/src/main/solidity reproduces them
 * byte for byte. Skipped, with the reason in the report, when node or solc is missing.
 */
class CompiledArtifactsTest {
  private static final Path MODULE = moduleDir();
  private static final Path SCRIPT = MODULE.resolve("scripts/compile-solidity.js");
  private static final Path COMMITTED = MODULE.resolve("src/main/resources/org/cvmj/chain/solidity");

  @Test
  void everySourceHasCommittedArtifacts() throws IOException {
    TreeSet<String> artifacts = listing(COMMITTED);
    assertTrue(artifacts.size() >= 3, "no artifacts in " + COMMITTED);
    try (Stream<Path> sources = Files.list(MODULE.resolve("src/main/solidity"))) {
      for (Path sol : sources.filter(p -> p.toString().endsWith(".sol")).toList()) {
        String name = sol.getFileName().toString().replace(".sol", "");
        assertTrue(artifacts.contains(name + ".bin"), sol + " has no committed " + name + ".bin");
      }
    }
    for (String f : artifacts) {
      String name = f.substring(0, f.indexOf('.'));
      ContractArtifact a = ContractArtifact.load(name); // every committed file parses
      // an interface (IModelRegistry, ICVMInfer) has an ABI and no bytecode; anything else has creation code
      boolean isInterface = a.creationCode().length == 0 && a.runtimeCode().length == 0
          && a.abiJson().contains("\"type\": \"function\"");
      assertTrue(a.creationCode().length > 0 || isInterface, name);
    }
  }

  @Test
  void compileScriptReproducesTheCommittedArtifacts(@TempDir Path out) throws Exception {
    assumeTrue(nodeAvailable(), "SKIPPED: node not on PATH; the Solidity artifacts were not recompiled");
    assumeTrue(Files.isRegularFile(MODULE.resolve("scripts/node_modules/solc/package.json")),
        "SKIPPED: npm solc not installed in cvm-chain/scripts/node_modules (npm install --prefix cvm-chain/scripts "
            + "--no-save --no-package-lock solc@0.8.37); the Solidity artifacts were not recompiled");
    Process p = new ProcessBuilder("node", SCRIPT.toString(), out.toString()).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "compile-solidity.js did not finish");
    assertEquals(0, p.exitValue(), log);

    TreeSet<String> fresh = listing(out);
    assertEquals(listing(COMMITTED), fresh, "the compiled contracts differ from the committed set; run node "
        + "cvm-chain/scripts/compile-solidity.js and commit the result");
    for (String f : fresh) {
      assertArrayEquals(Files.readAllBytes(COMMITTED.resolve(f)), Files.readAllBytes(out.resolve(f)),
          f + " is stale; run node cvm-chain/scripts/compile-solidity.js and commit the result");
    }
  }

  private static TreeSet<String> listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return new TreeSet<>(files.map(f -> f.getFileName().toString()).toList());
    }
  }

  private static Path moduleDir() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      for (Path candidate : List.of(p, p.resolve("cvm-chain"))) {
        if (Files.isRegularFile(candidate.resolve("scripts/compile-solidity.js"))) return candidate;
      }
    }
    throw new IllegalStateException("cvm-chain/scripts/compile-solidity.js not found above "
        + Path.of("").toAbsolutePath());
  }

  private static boolean nodeAvailable() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
