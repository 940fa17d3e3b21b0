package org.cvmj.cvm.format;

/** A reference to output {@code index} of node {@code nodeId}, as written in {@code inputs} and {@code heads}. */
public record EntryRef(int nodeId, int index, int version) {
  public EntryRef(int nodeId, int index) {
    this(nodeId, index, 0);
  }
}
