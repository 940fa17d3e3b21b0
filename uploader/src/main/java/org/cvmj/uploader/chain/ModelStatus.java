package org.cvmj.uploader.chain;

/** A model's state in the registry ({@code modelInfo().status}). */
public enum ModelStatus {
  /** Registered, files not complete. */
  UPLOADING,
  /** Verified; callable from its ready block. */
  READY,
  /** Failed verification; final (register again). */
  REJECTED;

  static ModelStatus of(int code) {
    return switch (code) {
      case 1 -> UPLOADING;
      case 2 -> READY;
      case 3 -> REJECTED;
      default -> throw new IllegalArgumentException("unknown model status " + code);
    };
  }

  /** Lower case, as the CLI prints it. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
