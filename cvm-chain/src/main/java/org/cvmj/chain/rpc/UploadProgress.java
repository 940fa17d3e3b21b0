package org.cvmj.chain.rpc;

import java.util.List;
import org.cvmj.chain.models.ModelFile;
import org.cvmj.chain.models.ModelRecord;

/**
 * Which chunks of a model's files the registry holds as of a block, for {@code cvm_getUploadProgress}: what an
 * uploader needs to resume.
 *
 * @param model the registry's record
 * @param missingSymbol indexes of the symbol file's chunks not yet received, ascending
 * @param missingParams indexes of the params file's chunks not yet received, ascending
 */
public record UploadProgress(ModelRecord model, List<Integer> missingSymbol, List<Integer> missingParams) {
  public UploadProgress {
    missingSymbol = List.copyOf(missingSymbol);
    missingParams = List.copyOf(missingParams);
  }

  public List<Integer> missing(ModelFile file) {
    return file == ModelFile.SYMBOL ? missingSymbol : missingParams;
  }
}
