package org.cvmj.uploader.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cvmj.chain.bench.Measurement;
import org.cvmj.uploader.InvalidInputException;
import org.cvmj.uploader.chain.ModelStatus;
import org.cvmj.uploader.chain.Registry;
import org.cvmj.uploader.chain.Rpc;
import org.cvmj.uploader.model.ModelFiles;
import org.cvmj.uploader.model.ModelUpload;
import org.cvmj.uploader.upload.UploadListener;
import org.cvmj.uploader.upload.UploadOptions;
import org.cvmj.uploader.upload.UploadResult;
import org.cvmj.uploader.upload.Uploader;
import org.web3j.crypto.Credentials;

/**
 * Upload throughput: per round a fresh {@link SyntheticModel} of the asked size (another seed, so it registers
 * anew) uploaded by {@link Uploader} with its default window, timed over the whole {@code upload} call, from the
 * registration to the registry's verdict. Writing and checking the model locally happen before the clock starts.
 */
final class UploadBench {
  private final Rpc rpc;
  private final Credentials author;
  private final BenchSettings settings;
  private final PrintWriter progress;

  UploadBench(Rpc rpc, Credentials author, BenchSettings settings, PrintWriter progress) {
    this.rpc = rpc;
    this.author = author;
    this.settings = settings;
    this.progress = progress;
  }

  /** Runs the rounds, writing each round's model under {@code workDir}. */
  UploadThroughput run(Path workDir) throws IOException, InvalidInputException {
    int units = SyntheticModel.unitsFor(settings.uploadBytes());
    // seeds from the chain's model count: a second run against the same node uploads other weights again
    long seedBase = new Registry(rpc).modelCount() * 1_000;
    List<Double> rates = new ArrayList<>();
    UploadResult last = null;
    long modelBytes = 0;
    long blocks = 0;
    for (int round = 1; round <= settings.rounds(); round++) {
      Path dir = SyntheticModel.dense(workDir.resolve("upload-" + round), units, seedBase + round);
      ModelFiles files = ModelFiles.read(dir);
      ModelUpload m = ModelUpload.prepare(files, Optional.empty(), 0, "upload bench " + round, true);
      long headBefore = rpc.blockNumber();
      long start = System.nanoTime();
      UploadResult r = new Uploader(rpc, author, UploadOptions.defaults()).upload(m, UploadListener.NONE);
      double seconds = (System.nanoTime() - start) / 1e9;
      if (r.status() != ModelStatus.READY) {
        throw new InvalidInputException("the chain rejected the synthetic model " + r.model() + ": " + r.reason());
      }
      blocks = r.head() - headBefore;
      modelBytes = files.totalBytes();
      double rate = modelBytes / 1e6 / seconds;
      rates.add(rate);
      last = r;
      progress.printf("upload of %,d bytes, round %d: %d chunks, %d transactions, %d blocks, %s gas in %.3f s"
          + " = %.2f MB/s%n", modelBytes, round, r.chunksTotal(), r.transactions(), blocks, r.gasUsed(), seconds,
          rate);
      progress.flush();
    }
    return new UploadThroughput(new Measurement("upload of a " + mb(modelBytes) + " MB model", "MB/s", rates),
        modelBytes, last.chunksTotal(), last.transactions(), last.gasUsed(), blocks);
  }

  private static String mb(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.2f", bytes / 1e6);
  }
}
