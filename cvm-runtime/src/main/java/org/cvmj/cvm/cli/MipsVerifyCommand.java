package org.cvmj.cvm.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import org.cvmj.cvm.mips.StepVerifier;
import org.cvmj.cvm.mips.WitnessJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Execute one step from its witness alone (the one-step verifier) and compare the resulting",
        "state hash with the witness's postStateHash. Exit code 0 if they agree, 1 if not or if the witness",
        "is rejected."})
final class MipsVerifyCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "WITNESS.json", description = "A witness written by 'cvm mips state --witness'.")
  Path file;

  @Option(names = "--pre", paramLabel = "HASH",
      description = "The agreed pre-state hash (0x-hex); default: the hash of the witness's own state.")
  String pre;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    WitnessJson.Proven p = WitnessJson.read(Files.readString(file, StandardCharsets.UTF_8));
    byte[] preHash = pre == null ? p.witness().preStateHash() : parseHash(pre);
    byte[] post = StepVerifier.verify(preHash, p.witness());
    String hex = "0x" + HexFormat.of().formatHex(post);
    if (!Arrays.equals(post, p.postStateHash())) {
      spec.commandLine().getErr().println("step " + p.step() + ": the witness gives post-state " + hex
          + ", not the claimed 0x" + HexFormat.of().formatHex(p.postStateHash()));
      return CvmCli.INVALID;
    }
    spec.commandLine().getOut().println("step " + p.step() + " verified: post-state hash " + hex);
    return 0;
  }

  private byte[] parseHash(String text) {
    String digits = text.startsWith("0x") ? text.substring(2) : text;
    if (!digits.matches("[0-9a-fA-F]{64}")) {
      throw new ParameterException(spec.commandLine(), "--pre must be a 32-byte hex hash, got '" + text + "'");
    }
    return HexFormat.of().parseHex(digits);
  }
}
