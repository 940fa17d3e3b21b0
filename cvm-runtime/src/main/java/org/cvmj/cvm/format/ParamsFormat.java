package org.cvmj.cvm.format;

/** Constants of the params layout (the NNVM/TVM {@code save_param_dict} format, little-endian). */
final class ParamsFormat {
  private ParamsFormat() {}

  static final long LIST_MAGIC = 0xF7E58D4F05049CB7L;
  static final long TENSOR_MAGIC = 0xDD5E40F096B4A13FL;
  static final int DTYPE_INT = 0;
}
