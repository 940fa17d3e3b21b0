package org.cvmj.mrt.mxnet;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.cvmj.mrt.graph.FTensor;

/**
 * The arrays of a {@code .params} file, in file order, named without their {@code arg:}/{@code aux:} prefixes;
 * {@code aux} holds the names the file marked {@code aux:} (empty for a Gluon file without prefixes).
 */
public record MxParams(Map<String, FTensor> tensors, Set<String> aux) {
  public MxParams {
    tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    aux = Collections.unmodifiableSet(new LinkedHashSet<>(aux));
  }
}
