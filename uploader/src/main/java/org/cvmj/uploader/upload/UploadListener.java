package org.cvmj.uploader.upload;

import org.cvmj.uploader.model.Chunk;

/**
 * Hears an upload's progress (the CLI's progress bar; tests). Every method has an empty default. An exception thrown
 * here ends the upload at that point; chunk transactions already sent still reach the chain, and the next run
 * resumes after them.
 */
public interface UploadListener {
  /** A new registration was mined. */
  default void registered(String model) {}

  /** An earlier, unfinished registration of the same files by the same author is continued. */
  default void resumed(String model, int received, int total) {}

  /** {@code toSend} chunks will be sent now; {@code received} of {@code total} are already on chain. */
  default void plan(int toSend, int received, int total) {}

  /** The transaction carrying {@code chunk} was mined; {@code received} of {@code total} are now on chain. */
  default void chunkConfirmed(Chunk chunk, int received, int total) {}

  /** The registry decided: ready or rejected. */
  default void verdict(UploadResult result) {}

  UploadListener NONE = new UploadListener() {};
}
