package org.cvmj.uploader.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.cvmj.chain.chain.ChainException;
import org.cvmj.chain.db.ChainDatabaseException;
import org.cvmj.chain.node.LocalNode;
import org.cvmj.uploader.InvalidInputException;
import org.cvmj.uploader.NodeException;
import org.cvmj.uploader.chain.Rpc;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code upload bench}: runs {@link ModelsBench} against a fresh in-process dev node (temporary data directory,
 * removed afterwards) or against the node at {@code --rpc} on this machine, and prints a table.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Measure models on chain through the JSON-RPC: MNIST infer transactions per second and gas per"
        + " call (DigitClassifier.classify with distinct inputs, with one cached input, and the precompile called"
        + " directly), and the upload throughput of a synthetic model. One client, one request at a time.",
        "Without --rpc it starts a dev node in this process on 127.0.0.1 (fresh temporary chain)."})
public final class BenchCommand implements Callable<Integer> {
  @Option(names = "--model", paramLabel = "DIR", defaultValue = "target/mnist_cvm",
      description = "the MNIST model directory (symbol, params, samples.npy or data.npy), as `mrt quantize"
          + " model_zoo/mnist.ini -o target/mnist_cvm` writes it (default ${DEFAULT-VALUE})")
  Path model;

  @Option(names = "--rpc", paramLabel = "URL", description = "JSON-RPC URL of a dev node on a loopback address"
      + " (dev accounts 0 and 1 funded, evm_mine offered; default: an in-process dev node)")
  String rpc;

  @Option(names = "--rounds", paramLabel = "N", defaultValue = "5",
      description = "rounds of each workload; the median is reported (default ${DEFAULT-VALUE})")
  int rounds;

  @Option(names = "--calls", paramLabel = "N", defaultValue = "200",
      description = "infer transactions per round and workload (default ${DEFAULT-VALUE})")
  int calls;

  @Option(names = "--upload-mb", paramLabel = "MB", defaultValue = "5",
      description = "params size of the uploaded synthetic model, in MB of 10^6 bytes (default ${DEFAULT-VALUE})")
  double uploadMb;

  @Option(names = "--fee", paramLabel = "GAS", defaultValue = "10000",
      description = "author's fee per MNIST call, in gas (default ${DEFAULT-VALUE})")
  long fee;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    BenchSettings settings;
    try {
      settings = new BenchSettings(rounds, calls, Math.round(uploadMb * 1e6), fee);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--rounds and --calls must be at least 1,"
          + " --upload-mb positive and --fee not negative");
    }
    if (!Files.isRegularFile(model.resolve("params"))) {
      throw new InvalidInputException("no model at " + model + "; make it with `bin/mrt quantize"
          + " model_zoo/mnist.ini -o " + model + "` or pass --model DIR");
    }
    PrintWriter out = spec.commandLine().getOut();
    Path work = Files.createTempDirectory("upload-bench");
    try {
      BenchReport report = rpc != null ? against(rpc, "the node at " + rpc, settings, work, out)
          : inProcess(settings, work, out);
      out.println();
      out.print(BenchTable.format(report));
      out.flush();
      return 0;
    } finally {
      deleteTree(work);
    }
  }

  private BenchReport inProcess(BenchSettings settings, Path work, PrintWriter out) throws Exception {
    Path dir = work.resolve("chain");
    try (LocalNode node = LocalNode.start(LocalNode.Settings.dev(dir).withPorts(0, 0))) {
      return against(node.url(), "an in-process dev node at " + node.url(), settings, work, out);
    } catch (ChainException | ChainDatabaseException e) {
      throw new NodeException("cannot start the in-process dev node in " + dir + ": " + e.getMessage(), e);
    }
  }

  private BenchReport against(String url, String target, BenchSettings settings, Path work, PrintWriter out)
      throws IOException, InvalidInputException {
    Loopback.check(url);
    try (Rpc node = Rpc.connect(url)) {
      return ModelsBench.run(node, target, model, settings, work.resolve("models"), out);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
