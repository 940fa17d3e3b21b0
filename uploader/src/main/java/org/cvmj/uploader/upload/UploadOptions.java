package org.cvmj.uploader.upload;

import java.time.Duration;

/**
 * How an upload runs.
 *
 * @param window chunk transactions in flight at once (sent with consecutive nonces before their receipts); 1 sends
 *     one at a time
 * @param maxChunks send at most this many chunks in this run, then stop (the next run resumes); 0 for no limit
 * @param waitForVerdict wait for every receipt and for the registry's verdict (ready or rejected); without it the
 *     upload returns once the last chunk transaction is in the node's pool
 * @param waitCallable also wait until the head reaches the model's ready block (maturity)
 * @param poll pause between polls of the node
 * @param timeout how long to wait for one receipt, the verdict or maturity
 */
public record UploadOptions(int window, int maxChunks, boolean waitForVerdict, boolean waitCallable, Duration poll,
    Duration timeout) {
  public static final int DEFAULT_WINDOW = 8;

  public UploadOptions {
    if (window < 1) {
      throw new IllegalArgumentException("window must be at least 1, got " + window);
    }
    if (maxChunks < 0) {
      throw new IllegalArgumentException("maxChunks must be non-negative, got " + maxChunks);
    }
  }

  /** A window of 8, no chunk limit, wait for the verdict but not for maturity, poll every 100 ms for 2 minutes. */
  public static UploadOptions defaults() {
    return new UploadOptions(DEFAULT_WINDOW, 0, true, false, Duration.ofMillis(100), Duration.ofMinutes(2));
  }

  public UploadOptions withWindow(int n) {
    return new UploadOptions(n, maxChunks, waitForVerdict, waitCallable, poll, timeout);
  }

  public UploadOptions withMaxChunks(int n) {
    return new UploadOptions(window, n, waitForVerdict, waitCallable, poll, timeout);
  }

  public UploadOptions withWaitForVerdict(boolean wait) {
    return new UploadOptions(window, maxChunks, wait, waitCallable, poll, timeout);
  }

  public UploadOptions withWaitCallable(boolean wait) {
    return new UploadOptions(window, maxChunks, waitForVerdict, wait, poll, timeout);
  }

  public UploadOptions withTimeout(Duration t) {
    return new UploadOptions(window, maxChunks, waitForVerdict, waitCallable, poll, t);
  }
}
