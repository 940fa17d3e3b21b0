/**
 * The twelve transform operators: they move, copy or select int32 elements and never compute new values.
 *
 * <p>Shape rules follow the reference's {@code src/top/tensor/transform.cc} exactly, because they decide
 * which models load. They rely on the loader having checked the input shapes first (1..6 dimensions, each
 * 1..2^24, at most 2^30 elements); attributes, on the other hand, may be anything, so every rule checks its
 * attribute values before indexing with them and reports a bad one as an {@link org.cvmj.cvm.op.OpException}.
 * An inferred shape that the reference would produce but that the loader's comparison with
 * {@code attrs.shape} must then refuse (a dimension below 1, say) is refused here directly.
 */
package org.cvmj.cvm.op.transform;
