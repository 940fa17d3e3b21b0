package org.cvmj.uploader.demo;

import java.math.BigInteger;
import java.util.List;
import org.cvmj.uploader.upload.UploadResult;

/**
 * What {@link ClassifierDemo#run} did.
 *
 * @param upload the model's registration and upload
 * @param classifier the address of the deployed {@code DigitClassifier}
 * @param predictions one per image, in order
 * @param feePaid wei the classifying account paid the author per call ({@code fee × effective gas price}), summed
 * @param authorEarned the author's earnings as the registry reports them after the run ({@code authorEarned})
 * @param modelCalls the model's paid calls as the registry counts them after the run
 */
public record DemoResult(UploadResult upload, String classifier, List<Prediction> predictions, BigInteger feePaid,
    BigInteger authorEarned, long modelCalls) {
  public DemoResult {
    predictions = List.copyOf(predictions);
  }

  public long correct() {
    return predictions.stream().filter(Prediction::correct).count();
  }
}
