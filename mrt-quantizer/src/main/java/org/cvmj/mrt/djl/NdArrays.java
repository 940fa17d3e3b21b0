package org.cvmj.mrt.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.MrtException;
import org.cvmj.mrt.graph.FTensor;

/** Copies between CVM-J's float tensors and DJL NDArrays (always float32, row-major). */
final class NdArrays {
  private NdArrays() {}

  static NDArray toNd(NDManager manager, FTensor t) {
    long[] dims = new long[t.shape().ndim()];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = t.shape().dim(i);
    }
    return manager.create(t.data(), new ai.djl.ndarray.types.Shape(dims));
  }

  static FTensor toFTensor(NDArray a, String what) {
    NDArray f = a.getDataType() == DataType.FLOAT32 ? a : a.toType(DataType.FLOAT32, false);
    long[] dims = f.getShape().getShape();
    int[] d = new int[dims.length];
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] < 0 || dims[i] > Integer.MAX_VALUE) {
        throw new MrtException(what + ": DJL array has unsupported shape " + f.getShape());
      }
      d[i] = (int) dims[i];
    }
    return new FTensor(Shape.of(d), f.toFloatArray());
  }
}
