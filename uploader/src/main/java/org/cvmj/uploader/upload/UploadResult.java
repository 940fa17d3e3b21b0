package org.cvmj.uploader.upload;

import java.math.BigInteger;
import org.cvmj.uploader.chain.ModelStatus;

/**
 * The outcome of one upload run.
 *
 * @param model the model's address
 * @param status its state when the run ended: uploading (stopped early, or not waited for), ready or rejected
 * @param reason the registry's rejection reason; empty unless rejected
 * @param resumed whether an earlier registration was continued instead of a new one made
 * @param chunksSent chunk transactions this run sent
 * @param chunksReceived chunks on chain when the run ended (as far as it waited)
 * @param chunksTotal chunks of both files
 * @param transactions transactions this run sent (the registration included)
 * @param gasUsed gas of the transactions this run waited for
 * @param readyBlock the block from which the model is callable; 0 unless ready
 * @param head the chain's head when the run ended
 */
public record UploadResult(String model, ModelStatus status, String reason, boolean resumed, int chunksSent,
    int chunksReceived, int chunksTotal, int transactions, BigInteger gasUsed, long readyBlock, long head) {
  /** Whether the model can be called now. */
  public boolean callable() {
    return status == ModelStatus.READY && head >= readyBlock;
  }
}
