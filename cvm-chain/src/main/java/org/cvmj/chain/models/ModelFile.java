package org.cvmj.chain.models;

/** The two files of a model; the id is the {@code file} argument of {@code uploadChunk}. */
public enum ModelFile {
  SYMBOL(0),
  PARAMS(1);

  private final int id;

  ModelFile(int id) {
    this.id = id;
  }

  public int id() {
    return id;
  }

  /** The file with this id, or null. */
  static ModelFile ofId(long id) {
    return id == 0 ? SYMBOL : id == 1 ? PARAMS : null;
  }

  public String fileName() {
    return this == SYMBOL ? "symbol" : "params";
  }
}
