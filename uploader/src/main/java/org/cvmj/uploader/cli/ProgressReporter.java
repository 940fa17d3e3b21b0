package org.cvmj.uploader.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.cvmj.uploader.model.Chunk;
import org.cvmj.uploader.upload.UploadListener;
import org.cvmj.uploader.upload.UploadResult;
import org.web3j.crypto.Keys;

/**
 * Shows an upload's progress on stderr: a progress bar of chunks on a terminal, one line per chunk otherwise (a log
 * file should not fill with redraws).
 */
final class ProgressReporter implements UploadListener, AutoCloseable {
  private final PrintWriter err;
  private final boolean terminal;
  private ProgressBar bar;

  private ProgressReporter(PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  static ProgressReporter create(PrintWriter err) {
    return new ProgressReporter(err, System.console() != null);
  }

  @Override
  public void registered(String model) {
    line("registered model " + Keys.toChecksumAddress(model));
  }

  @Override
  public void resumed(String model, int received, int total) {
    line("resuming model " + Keys.toChecksumAddress(model) + ": " + received + " of " + total
        + " chunks already on chain");
  }

  @Override
  public void plan(int toSend, int received, int total) {
    if (terminal && toSend > 0) {
      bar = new ProgressBarBuilder().setTaskName("chunks").setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
          .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(100).build();
      bar.stepTo(received);
    } else {
      line("sending " + toSend + " chunk" + (toSend == 1 ? "" : "s") + " (" + received + " of " + total
          + " already on chain)");
    }
  }

  @Override
  public void chunkConfirmed(Chunk chunk, int received, int total) {
    if (bar != null) {
      bar.stepTo(received);
    } else {
      line(chunk + ": " + received + " of " + total + " chunks on chain");
    }
  }

  @Override
  public void verdict(UploadResult result) {
    close();
  }

  private void line(String text) {
    err.println("upload: " + text);
    err.flush();
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
