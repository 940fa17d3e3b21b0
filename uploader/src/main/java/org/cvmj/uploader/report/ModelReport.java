package org.cvmj.uploader.report;

import java.util.ArrayList;
import java.util.List;
import org.cvmj.uploader.InvalidInputException;
import org.cvmj.uploader.NodeException;
import org.cvmj.uploader.chain.FileInfo;
import org.cvmj.uploader.chain.ModelInfo;
import org.cvmj.uploader.chain.ModelStatus;
import org.cvmj.uploader.chain.Registry;
import org.cvmj.uploader.chain.Rpc;
import org.cvmj.uploader.model.Chunk;
import org.cvmj.uploader.model.InputShape;
import org.cvmj.chain.models.ModelFile;

/**
 * Everything the registry tells about one model ({@code upload status}).
 *
 * @param model the model's address
 * @param info author, status, fee, ops, ready block, calls, earnings
 * @param files registered hashes and sizes, chunks received
 * @param shape the registered input shape
 * @param description the author's description
 * @param rejection the rejection reason; empty unless rejected
 * @param missing chunks not yet received (empty unless uploading)
 * @param head the chain's head block when read
 */
public record ModelReport(String model, ModelInfo info, FileInfo files, InputShape shape, String description,
    String rejection, List<Chunk> missing, long head) {
  /** Reads the report of {@code model}; an address without a model is an {@link InvalidInputException}. */
  public static ModelReport read(Rpc rpc, String model) throws NodeException, InvalidInputException {
    Registry r = new Registry(rpc);
    long head = rpc.blockNumber();
    ModelInfo info = r.info(model);
    FileInfo files = r.files(model);
    List<Chunk> missing = new ArrayList<>();
    if (info.status() == ModelStatus.UPLOADING) {
      for (ModelFile f : ModelFile.values()) {
        long size = f == ModelFile.SYMBOL ? files.symbolSize() : files.paramsSize();
        for (int i = 0; i < Chunk.count(size); i++) {
          Chunk c = new Chunk(f, i);
          if (!r.received(model, c)) {
            missing.add(c);
          }
        }
      }
    }
    return new ModelReport(model, info, files, r.inputShape(model), r.description(model),
        info.status() == ModelStatus.REJECTED ? r.rejection(model) : "", missing, head);
  }

  /** Whether the chain has reached the model's ready block. */
  public boolean callable() {
    return info.status() == ModelStatus.READY && head >= info.readyBlock();
  }
}
