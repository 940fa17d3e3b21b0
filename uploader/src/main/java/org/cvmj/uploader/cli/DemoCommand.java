package org.cvmj.uploader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.cvmj.chain.chain.ChainException;
import org.cvmj.chain.db.ChainDatabaseException;
import org.cvmj.chain.node.LocalNode;
import org.cvmj.uploader.InvalidInputException;
import org.cvmj.uploader.NodeException;
import org.cvmj.uploader.chain.Rpc;
import org.cvmj.uploader.demo.ClassifierDemo;
import org.cvmj.uploader.demo.DemoResult;
import org.cvmj.uploader.demo.Prediction;
import org.cvmj.uploader.demo.Samples;
import org.cvmj.uploader.model.InputShape;
import org.cvmj.uploader.model.ModelFiles;
import org.cvmj.uploader.model.ModelUpload;
import org.cvmj.uploader.upload.UploadOptions;
import org.cvmj.uploader.upload.UploadResult;
import org.cvmj.uploader.wallet.Wallet;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code upload demo}: the main flow end to end. Starts a dev chain in this process (or uses the one at
 * {@code --rpc}), uploads a quantized digit model as dev account 0, deploys {@code DigitClassifier} as dev
 * account 1, classifies the model directory's held-out digits in transactions, and prints predictions against
 * labels and what the author earned.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Upload a digit model, deploy DigitClassifier and classify held-out digits on chain.",
        "MODEL_DIR is the output of `mrt quantize model_zoo/mnist.ini`: symbol, params, and the held-out digits"
            + " samples.npy with labels.npy. Dev account 0 is the author, dev account 1 the user who pays per call."})
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--model", paramLabel = "DIR", required = true,
      description = "quantized model directory (symbol, params, samples.npy, labels.npy)")
  Path modelDir;

  @Option(names = "--shape", paramLabel = "D,D,...", defaultValue = "1,28,28",
      description = "input shape to register, checked against the model (default ${DEFAULT-VALUE})")
  String shape;

  @Option(names = "--fee", paramLabel = "GAS", defaultValue = "10000",
      description = "author's fee per call, in gas (default ${DEFAULT-VALUE})")
  long fee;

  @Option(names = "--samples", paramLabel = "N", description = "classify only the first N digits (default: all)")
  Integer limit;

  @Option(names = "--rpc", paramLabel = "URL", description = "use the cvm-chain dev node at URL (its dev accounts 0"
      + " and 1 must be funded) instead of starting one in this process")
  String rpcUrl;

  @Option(names = "--datadir", paramLabel = "DIR", description = "chain directory of the in-process node"
      + " (default: a new temporary directory)")
  Path dataDir;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Samples samples = Samples.read(modelDir);
    if (limit != null && (limit < 1 || limit > samples.size())) {
      throw new InvalidInputException("--samples must be 1.." + samples.size() + ", got " + limit);
    }
    int n = limit == null ? samples.size() : limit;
    Samples chosen = new Samples(samples.images().subList(0, n), Arrays.copyOf(samples.labels(), n));
    ModelUpload model = ModelUpload.prepare(ModelFiles.read(modelDir), Optional.of(InputShape.parse(shape)), fee,
        "digit classifier (upload demo)", true);
    Credentials author = Wallet.devAccount(0);
    Credentials user = Wallet.devAccount(1);
    if (rpcUrl != null) {
      return run(out, rpcUrl, "the node at " + rpcUrl, model, chosen, author, user);
    }
    Path dir = dataDir != null ? dataDir : Files.createTempDirectory("cvm-chain-demo");
    try (LocalNode node = LocalNode.start(LocalNode.Settings.dev(dir).withPorts(0, 0))) {
      return run(out, node.url(), "an in-process dev node at " + node.url() + (dataDir != null ? " (chain in "
          + dir + ")" : " (temporary chain; --datadir DIR keeps it)"), model, chosen, author, user);
    } catch (ChainException | ChainDatabaseException e) {
      throw new NodeException("cannot start the in-process dev node in " + dir + ": " + e.getMessage(), e);
    } finally {
      if (dataDir == null) {
        deleteTree(dir);
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private int run(PrintWriter out, String url, String where, ModelUpload model, Samples samples, Credentials author,
      Credentials user) throws Exception {
    out.println("chain:      " + where);
    out.println("model:      " + modelDir + ", input " + model.shape() + ", fee " + fee + " gas per call");
    out.println("author:     " + Keys.toChecksumAddress(author.getAddress()) + " (dev account 0)");
    out.println("user:       " + Keys.toChecksumAddress(user.getAddress()) + " (dev account 1)");
    out.flush();
    ClassifierDemo.Listener printer = new ClassifierDemo.Listener() {
      @Override
      public void uploaded(UploadResult r) {
        out.println("uploaded:   model " + Keys.toChecksumAddress(r.model()) + ", " + r.chunksTotal() + " chunks in "
            + r.transactions() + " transactions, " + r.gasUsed() + " gas; callable from block " + r.readyBlock());
        out.flush();
      }

      @Override
      public void deployed(String classifier) {
        out.println("classifier: DigitClassifier at " + Keys.toChecksumAddress(classifier));
        out.println();
        out.println(" digit  label  predicted  gas used  transaction");
        out.flush();
      }

      @Override
      public void classified(Prediction p) {
        out.printf("%6d  %5d  %9d  %8d  %s%s%n", p.index(), p.label(), p.predicted(), p.gasUsed(), p.transaction(),
            p.correct() ? "" : "  (wrong)");
        out.flush();
      }
    };
    DemoResult r;
    try (Rpc rpc = Rpc.connect(url); ProgressReporter progress = ProgressReporter.create(spec.commandLine().getErr())) {
      r = ClassifierDemo.run(rpc, author, user, model, samples,
          UploadOptions.defaults().withTimeout(Duration.ofSeconds(120)), progress, printer);
    }
    out.println();
    out.println("correct:    " + r.correct() + " of " + r.predictions().size());
    out.println("rewards:    the author earned " + Reports.ether(r.authorEarned()) + " from " + r.modelCalls()
        + " paid calls (fee " + fee + " gas × effective gas price; the user paid " + Reports.ether(r.feePaid())
        + " in fees)");
    out.flush();
    return 0;
  }
}
