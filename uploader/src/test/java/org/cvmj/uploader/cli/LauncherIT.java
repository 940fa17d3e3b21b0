package org.cvmj.uploader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cvmj.uploader.TestModels;
import org.cvmj.uploader.TestNode;
import org.cvmj.uploader.chain.Registry;
import org.cvmj.uploader.wallet.DevKeys;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Keys;
import org.web3j.crypto.WalletUtils;

/**
 * {@code bin/upload} as a user runs it: its own JVM, started from another directory, against an in-process dev
 * node. Needs {@code uploader/target/uploader.jar} and {@code target/lib}, so Maven runs it after {@code package}
 * (tag {@code launcher}, see the pom).
 */
@Tag("launcher")
class LauncherIT {
  private static final Path LAUNCHER = Path.of("..", "bin", "upload").toAbsolutePath().normalize();

  @TempDir
  Path dir;

  record Result(int code, String out, String err) {}

  private Result launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("bin/upload " + args[0] + " did not finish in 120 s");
    }
    String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
    // the JVM's own notice for --add-modules jdk.incubator.vector (the in-process node of `upload demo` needs the
    // module), printed before main runs; anything after it is the command's
    assertTrue(err.startsWith(INCUBATOR_NOTICE), err);
    return new Result(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
        err.substring(INCUBATOR_NOTICE.length()));
  }

  static final String INCUBATOR_NOTICE = "WARNING: Using incubator modules: jdk.incubator.vector\n";

  @Test
  void theLauncherUploadsAndReports() throws Exception {
    assertTrue(Files.isRegularFile(Path.of("target", "uploader.jar")), "run after `mvn package`");
    Result help = launch(Map.of(), "--help");
    assertEquals(0, help.code(), help.err());
    assertTrue(help.out().startsWith("Usage: upload [-hV]"), help.out());
    assertEquals("", help.err(), "no logging noise on stderr");

    Path keystore = dir.resolve(WalletUtils.generateWalletFile("launcher pw",
        DevKeys.credentials(6).getEcKeyPair(), dir.toFile(), false));
    try (TestNode n = TestNode.start(dir.resolve("chain"))) {
      Result up = launch(Map.of("CVMJ_TEST_PW", "launcher pw"), "--model", TestModels.mnist().toString(), "--shape",
          "1,28,28", "--rpc", n.url(), "--keystore", keystore.toString(), "--password-env", "CVMJ_TEST_PW");
      assertEquals(0, up.code(), up.err());
      String model = Keys.toChecksumAddress(new Registry(n.rpc).modelAt(1));
      assertTrue(up.out().startsWith("model:        " + model + "\nstatus:       ready, callable from block 5"),
          up.out());
      assertTrue(up.err().contains("upload: params chunk 0: 2 of 2 chunks on chain"), up.err());

      Result status = launch(Map.of(), "status", model, "--rpc", n.url());
      assertEquals(0, status.code(), status.err());
      assertTrue(status.out().contains("author:       " + Keys.toChecksumAddress(DevKeys.credentials(6)
          .getAddress()) + "\n"), status.out());

      Result wrongPassword = launch(Map.of("CVMJ_TEST_PW", "nope"), "--model", TestModels.mnist().toString(),
          "--rpc", n.url(), "--keystore", keystore.toString(), "--password-env", "CVMJ_TEST_PW");
      assertEquals(1, wrongPassword.code());
      assertEquals("upload: cannot decrypt the keystore " + keystore + ": wrong password (Invalid password"
          + " provided)\n", wrongPassword.err());
    }
  }
}
