package org.cvmj.chain.models;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.cvmj.cvm.format.EntryRef;
import org.cvmj.cvm.format.ParamsWriter;
import org.cvmj.cvm.format.SymbolWriter;
import org.cvmj.cvm.model.GraphBuilder;
import org.cvmj.cvm.tensor.Shape;

/** Small valid CVM models built in the test. */
final class TinyModels {
  private TinyModels() {}

  /** symbol and params of a model. */
  record Files(byte[] symbol, byte[] params) {}

  /** relu over a (2,3) input of precision 16: int32 in, int32 out, so both travel big-endian. */
  static Files relu32() {
    GraphBuilder b = new GraphBuilder();
    EntryRef x = b.input(Shape.of(2, 3), 16);
    EntryRef w = b.param("bias", Shape.of(2, 3), 8, new int[] {1, -2, 3, -4, 5, -6});
    EntryRef y = b.op("relu", Map.of(), b.op("elemwise_add", Map.of(), x, w));
    GraphBuilder.Built built = b.build(y);
    return new Files(SymbolWriter.write(built.symbol()).getBytes(StandardCharsets.UTF_8),
        ParamsWriter.write(built.params()));
  }

  static final List<Long> RELU32_SHAPE = List.of(2L, 3L);

  /**
   * dense 250 units over a (1,300) int8 input with seeded random int8 weights: int32 output, and a params file of
   * several 64 KiB chunks.
   */
  static Files dense() {
    SplittableRandom rnd = new SplittableRandom(11);
    int[] w = new int[250 * 300];
    for (int i = 0; i < w.length; i++) {
      w[i] = rnd.nextInt(-127, 128);
    }
    GraphBuilder b = new GraphBuilder();
    EntryRef x = b.input(Shape.of(1, 300), 8);
    EntryRef weight = b.param("w", Shape.of(250, 300), 8, w);
    EntryRef y = b.op("dense", Map.of("units", "250", "use_bias", "False"), x, weight);
    GraphBuilder.Built built = b.build(y);
    return new Files(SymbolWriter.write(built.symbol()).getBytes(StandardCharsets.UTF_8),
        ParamsWriter.write(built.params()));
  }

  static final List<Long> DENSE_SHAPE = List.of(1L, 300L);
}
