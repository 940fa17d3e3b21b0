package org.cvmj.uploader.demo;

/**
 * One image classified on chain.
 *
 * @param index the image's row in {@code samples.npy}
 * @param label its true class
 * @param predicted the class the contract's {@code Classified} event reported
 * @param transaction the hash of the {@code classify} transaction
 * @param gasUsed the gas that transaction used
 */
public record Prediction(int index, int label, long predicted, String transaction, long gasUsed) {
  public boolean correct() {
    return predicted == label;
  }
}
