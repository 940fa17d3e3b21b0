package org.cvmj.cvm.model;

/** The graph's {@code postprocess} key: how outputs are packed into the inference output bytes. */
public enum Postprocess {
  NONE(""),
  ARGMAX("argmax"),
  DETECTION("detection");

  private final String key;

  Postprocess(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Postprocess of(String key) {
    for (Postprocess p : values()) {
      if (p.key.equals(key)) {
        return p;
      }
    }
    return null;
  }
}
