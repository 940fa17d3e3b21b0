package org.cvmj.uploader.model;

/** The two files of a model, with the ids {@code uploadChunk} uses for them. */
public enum ModelFile {
  SYMBOL(0, "symbol"),
  PARAMS(1, "params");

  private final int id;
  private final String fileName;

  ModelFile(int id, String fileName) {
    this.id = id;
    this.fileName = fileName;
  }

  /** The registry's file number: 0 symbol, 1 params. */
  public int id() {
    return id;
  }

  /** The name of the file in a model directory (and in messages). */
  public String fileName() {
    return fileName;
  }
}
