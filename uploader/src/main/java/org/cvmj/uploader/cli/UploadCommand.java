package org.cvmj.uploader.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.cvmj.uploader.InvalidInputException;
import org.cvmj.uploader.bench.BenchCommand;
import org.cvmj.uploader.chain.ModelStatus;
import org.cvmj.uploader.chain.Rpc;
import org.cvmj.uploader.model.InputShape;
import org.cvmj.uploader.model.ModelFiles;
import org.cvmj.uploader.model.ModelUpload;
import org.cvmj.uploader.upload.UploadOptions;
import org.cvmj.uploader.upload.UploadResult;
import org.cvmj.uploader.upload.Uploader;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code upload [options]}: checks a model locally, registers it (or resumes its unfinished registration), uploads
 * the missing chunks with a progress bar, waits for the registry's verdict and prints the model's address.
 */
@Command(name = "upload", mixinStandardHelpOptions = true, version = "upload 0.1.0", sortOptions = false,
    description = {"Register a CVM model on a CVM-J chain and upload its files in 64 KiB chunks.",
        "The model is loaded and its input shape checked before anything is sent. Run the same command again to"
            + " resume an interrupted upload: only the chunks the chain lacks are sent."},
    subcommands = {StatusCommand.class, RewardsCommand.class, DemoCommand.class, BenchCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Exit codes: 0 done (ready, or stopped where asked), 1 invalid input or a model the chain"
        + " rejected, 2 I/O, node or usage error."})
final class UploadCommand implements Callable<Integer> {
  @Option(names = "--model", paramLabel = "DIR", description = "model directory holding 'symbol' and 'params'")
  Path modelDir;

  @Option(names = "--symbol", paramLabel = "FILE", description = "the symbol file (with --params, instead of --model)")
  Path symbol;

  @Option(names = "--params", paramLabel = "FILE", description = "the params file (with --symbol)")
  Path params;

  @Option(names = "--shape", paramLabel = "D,D,...", description = "the model's input shape, checked against the"
      + " model before anything is sent: in full (1,1,28,28) or without a leading batch 1 (1,28,28); default: the"
      + " model's own")
  String shape;

  @Option(names = "--fee", paramLabel = "GAS", defaultValue = "0",
      description = "author's fee per call, in gas (0..1000000; default ${DEFAULT-VALUE})")
  long fee;

  @Option(names = "--description", paramLabel = "TEXT", defaultValue = "",
      description = "text stored with the model (at most 256 UTF-8 bytes)")
  String description;

  @Mixin
  RpcOption rpc;

  @Mixin
  KeyOptions keys;

  @Option(names = "--no-wait", description = "return once the last chunk transaction is in the node's pool,"
      + " without waiting for receipts or the verdict")
  boolean noWait;

  @Option(names = "--wait-callable", description = "after the model is ready, also wait for its maturity (the"
      + " block from which it can be called)")
  boolean waitCallable;

  @Option(names = "--window", paramLabel = "N", defaultValue = "" + UploadOptions.DEFAULT_WINDOW,
      description = "chunk transactions in flight at once (default ${DEFAULT-VALUE})")
  int window;

  @Option(names = "--max-chunks", paramLabel = "N", defaultValue = "0",
      description = "send at most N chunks in this run, then stop; the next run resumes (default: all)")
  int maxChunks;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
      description = "how long to wait for a receipt, the verdict or maturity (default ${DEFAULT-VALUE})")
  long timeoutSeconds;

  @Option(names = "--skip-local-checks", description = "do not load the model before sending (needs --shape);"
      + " the chain alone judges it, and rejects it after the upload was paid for")
  boolean skipLocalChecks;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (window < 1 || maxChunks < 0 || timeoutSeconds < 1) {
      throw new InvalidInputException("--window and --timeout must be at least 1, --max-chunks at least 0");
    }
    ModelFiles files = readFiles();
    Optional<InputShape> declared = shape == null ? Optional.empty() : Optional.of(InputShape.parse(shape));
    ModelUpload upload = ModelUpload.prepare(files, declared, fee, description, !skipLocalChecks);
    Credentials credentials = keys.load();
    UploadOptions options = UploadOptions.defaults().withWindow(window).withMaxChunks(maxChunks)
        .withWaitForVerdict(!noWait).withWaitCallable(waitCallable).withTimeout(Duration.ofSeconds(timeoutSeconds));
    UploadResult result;
    try (Rpc node = rpc.connect(); ProgressReporter progress = ProgressReporter.create(err)) {
      err.println("upload: " + files.source() + " (" + files.totalBytes() + " bytes, input " + upload.shape()
          + ") as " + Keys.toChecksumAddress(credentials.getAddress()) + " to " + node.url());
      err.flush();
      result = new Uploader(node, credentials, options).upload(upload, progress);
    }
    Reports.printUpload(out, result);
    out.flush();
    if (result.status() == ModelStatus.REJECTED) {
      err.println("upload: the chain rejected model " + Keys.toChecksumAddress(result.model()) + ": "
          + result.reason());
      err.flush();
      return UploadCli.INVALID;
    }
    return 0;
  }

  private ModelFiles readFiles() throws Exception {
    if (modelDir != null && (symbol != null || params != null)) {
      throw new InvalidInputException("give either --model DIR or --symbol FILE --params FILE, not both");
    }
    if (modelDir != null) {
      return ModelFiles.read(modelDir);
    }
    if (symbol == null || params == null) {
      throw new InvalidInputException("no model: pass --model DIR, or both --symbol FILE and --params FILE");
    }
    return ModelFiles.read(symbol, params);
  }
}
