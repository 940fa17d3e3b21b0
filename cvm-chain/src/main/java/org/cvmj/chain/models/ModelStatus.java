package org.cvmj.chain.models;

/** Where a model is in its life; the code is what {@code modelInfo} returns as {@code status}. */
public enum ModelStatus {
  /** No model at this address. */
  NONE(0),
  /** Registered; chunks are still missing. */
  UPLOADING(1),
  /** Verified; callable from its ready block on. */
  READY(2),
  /** The files failed verification; the reason is stored. Final: the author registers again. */
  REJECTED(3);

  private final int code;

  ModelStatus(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  static ModelStatus ofCode(long code) {
    for (ModelStatus s : values()) {
      if (s.code == code) {
        return s;
      }
    }
    throw new IllegalStateException("registry storage holds an unknown model status " + code);
  }
}
