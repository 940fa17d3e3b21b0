package org.cvmj.cvm.format;

import java.util.List;
import org.cvmj.cvm.tensor.Shape;

/**
 * The {@code attrs} object of a symbol file: per-entry shape, storage id, precision and dltype, and the
 * per-node operator attribute strings. Optional lists are null when absent; {@code dtype} is the legacy
 * list that old models carry and the runtime skips.
 */
public record GraphAttrs(List<Shape> shapes, List<Integer> storageIds, List<String> opAttrs,
    List<Integer> precisions, List<String> dltypes, List<Integer> dtypes, List<Integer> deviceIndex) {}
