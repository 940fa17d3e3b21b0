package org.cvmj.cvm.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.cvmj.cvm.format.EntryRef;
import org.cvmj.cvm.format.GraphAttrs;
import org.cvmj.cvm.format.ParamsWriter;
import org.cvmj.cvm.format.Symbol;
import org.cvmj.cvm.format.SymbolWriter;
import org.cvmj.cvm.model.GraphBuilder;
import org.cvmj.cvm.model.Model;
import org.cvmj.cvm.model.ModelException;
import org.cvmj.cvm.tensor.Shape;
import org.junit.jupiter.api.Test;

/**
 * Entries that share a storage id share one buffer (spec cvm-format-and-ops.md §1.3): the executor must run
 * such graphs as written, and every run must start from the same parameters.
 */
class StorageAliasingTest {
  private static final int[] X = {-3, 5, -7, 2};

  /** Nodes: 0 data (4,) p8, 1 relu(data), 2 elemwise_add(data, relu). */
  private static GraphBuilder.Built addOfDataAndRelu() {
    GraphBuilder b = new GraphBuilder();
    EntryRef data = b.input(Shape.of(4), 8);
    EntryRef relu = b.op("relu", Map.of(), data);
    EntryRef sum = b.op("elemwise_add", Map.of(), data, relu);
    return b.build(sum);
  }

  /** The built model with its storage ids replaced, written to files and loaded back. */
  private static Model withStorage(GraphBuilder.Built built, Integer... storageIds) throws ModelException {
    Symbol s = built.symbol();
    GraphAttrs a = s.attrs();
    GraphAttrs changed = new GraphAttrs(a.shapes(), List.of(storageIds), a.opAttrs(), a.precisions(),
        a.dltypes(), a.dtypes(), a.deviceIndex());
    Symbol symbol = new Symbol(s.nodes(), s.argNodes(), s.nodeRowPtr(), s.heads(), changed, s.version(),
        s.postprocess());
    return Model.load(SymbolWriter.write(symbol), ParamsWriter.write(built.params()));
  }

  private static int[] runOnce(Model model, int[] input) {
    try (Executor ex = new Executor(model, 1)) {
      int[][] out = ex.run(input);
      assertEquals(1, out.length);
      return out[0];
    }
  }

  @Test
  void reluWritingOverTheDataItReadsDoublesTheReluOutput() throws Exception {
    Model model = withStorage(addOfDataAndRelu(), 0, 0, 2);
    assertArrayEquals(new int[] {0, 0, 2}, model.graph().storageIds());
    // relu overwrote data in place, so the add sees relu(x) twice: 2 * relu(x)
    assertArrayEquals(new int[] {0, 10, 0, 4}, runOnce(model, X));
  }

  @Test
  void distinctStorageIdsGiveDataPlusRelu() throws Exception {
    Model model = withStorage(addOfDataAndRelu(), 0, 1, 2);
    assertArrayEquals(new int[] {-3, 10, -7, 4}, runOnce(model, X));
  }

  @Test
  void addWritingInPlaceOverItsReluInputGivesDataPlusRelu() throws Exception {
    // elemwise_add may alias its inputs: element i is read before it is written
    Model model = withStorage(addOfDataAndRelu(), 0, 1, 1);
    assertArrayEquals(new int[] {-3, 10, -7, 4}, runOnce(model, X));
  }

  @Test
  void aliasedGraphGivesTheSameResultOnEveryRunAndThreadCount() throws Exception {
    Model model = withStorage(addOfDataAndRelu(), 0, 0, 2);
    for (int threads = 1; threads <= 3; threads++) {
      try (Executor ex = new Executor(model, threads)) {
        for (int run = 0; run < 3; run++) {
          assertArrayEquals(new int[] {0, 10, 0, 4}, ex.run(X)[0], "threads=" + threads + " run=" + run);
        }
      }
    }
  }

  /** Nodes: 0 data (4,) p8, 1 param b (4,) p8, 2 elemwise_add(data, b), 3 relu(add). */
  private static GraphBuilder.Built addOfDataAndParam() {
    GraphBuilder b = new GraphBuilder();
    EntryRef data = b.input(Shape.of(4), 8);
    EntryRef param = b.param("b", Shape.of(4), 8, new int[] {10, -20, 30, -40});
    EntryRef sum = b.op("elemwise_add", Map.of(), data, param);
    EntryRef relu = b.op("relu", Map.of(), sum);
    return b.build(relu);
  }

  @Test
  void everyRunStartsFromTheParametersWhenAnOperatorOverwritesOne() throws Exception {
    // the add writes its result into the storage of parameter b; the reference would see the sum as b on
    // its second call, this runtime reloads the parameters (Executor Javadoc)
    Model model = withStorage(addOfDataAndParam(), 0, 1, 1, 3);
    int[] expected = {7, 0, 23, 0};
    InferenceCodec codec = InferenceCodec.reference(model.graph());
    byte[] input = {-3, 5, -7, 2};
    try (Executor ex = new Executor(model, 1)) {
      byte[] first = codec.encodeOutput(ex.run(codec.decodeInput(input)));
      byte[] second = codec.encodeOutput(ex.run(codec.decodeInput(input)));
      byte[] third = codec.encodeOutput(ex.run(codec.decodeInput(input)));
      // the head has precision 9, so the output is int32 little-endian
      assertEquals(4, codec.outputTypeSize());
      assertArrayEquals(ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putInt(7).putInt(0).putInt(23)
          .putInt(0).array(), first);
      assertArrayEquals(first, second);
      assertArrayEquals(first, third);
    }
    assertArrayEquals(expected, runOnce(model, X));
  }

  @Test
  void everyRunStartsFromTheParametersWhenALaterOperatorOverwritesOne() throws Exception {
    // relu, which reads the add, writes into b's storage after b was used
    Model model = withStorage(addOfDataAndParam(), 0, 1, 2, 1);
    try (Executor ex = new Executor(model, 2)) {
      int[] first = ex.run(X)[0];
      assertArrayEquals(new int[] {7, 0, 23, 0}, first);
      assertArrayEquals(first, ex.run(X)[0]);
      // a different input in between does not leak into the next run either
      ex.run(new int[] {100, 100, 100, 100});
      assertArrayEquals(first, ex.run(X)[0]);
    }
  }

  @Test
  void parametersWithTheirOwnStorageGiveTheSameResultOnEveryRun() throws Exception {
    Model model = withStorage(addOfDataAndParam(), 0, 1, 2, 3);
    try (Executor ex = new Executor(model, 1)) {
      for (int run = 0; run < 3; run++) {
        assertArrayEquals(new int[] {7, 0, 23, 0}, ex.run(X)[0], "run " + run);
      }
    }
  }

  @Test
  void dataSharingAParameterStorageStillSeesTheInput() throws Exception {
    // data and b share storage 0: b is copied in first, then the input, as the reference does; so the
    // add reads the input twice
    Model model = withStorage(addOfDataAndParam(), 0, 0, 2, 3);
    try (Executor ex = new Executor(model, 1)) {
      assertArrayEquals(new int[] {0, 10, 0, 4}, ex.run(X)[0]);
      assertArrayEquals(new int[] {0, 10, 0, 4}, ex.run(X)[0]);
    }
  }
}
