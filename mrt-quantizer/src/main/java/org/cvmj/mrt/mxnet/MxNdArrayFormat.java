package org.cvmj.mrt.mxnet;

/**
 * Constants of MXNet's NDArray-list file ({@code .params}): see {@code spec/java-dependencies.md} §3 and
 * {@code src/ndarray/ndarray.cc} of MXNet 1.9.1. Everything is little-endian.
 */
final class MxNdArrayFormat {
  static final long LIST_MAGIC = 0x112L;
  static final int V1_MAGIC = 0xF993FAC8;
  static final int V2_MAGIC = 0xF993FAC9;
  static final int V3_MAGIC = 0xF993FACA;

  static final int STYPE_DENSE = 0;
  static final int DEV_CPU = 1;

  static final int FLOAT32 = 0;
  static final int FLOAT64 = 1;
  static final int FLOAT16 = 2;

  /** mshadow's type flags, indexed by flag: name and element size in bytes. */
  private static final String[] DTYPE_NAMES = {"float32", "float64", "float16", "uint8", "int32", "int8", "int64",
      "bool", "int16", "uint16", "uint32", "uint64", "bfloat16"};
  private static final int[] DTYPE_SIZES = {4, 8, 2, 1, 4, 1, 8, 1, 2, 2, 4, 8, 2};

  private MxNdArrayFormat() {}

  static boolean knownDtype(int flag) {
    return flag >= 0 && flag < DTYPE_NAMES.length;
  }

  static String dtypeName(int flag) {
    return knownDtype(flag) ? DTYPE_NAMES[flag] : "unknown type flag " + flag;
  }

  static int dtypeSize(int flag) {
    return DTYPE_SIZES[flag];
  }

  /** Context device types MXNet defines: cpu, gpu, cpu_pinned, cpu_shared. */
  static boolean knownDevice(int devType) {
    return devType == 1 || devType == 2 || devType == 3 || devType == 5;
  }
}
