package org.cvmj.cvm.mips.guest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.cvmj.cvm.exec.InferenceCodec;
import org.cvmj.cvm.format.EntryRef;
import org.cvmj.cvm.format.ParamsWriter;
import org.cvmj.cvm.format.Symbol;
import org.cvmj.cvm.format.SymbolWriter;
import org.cvmj.cvm.model.GraphBuilder;
import org.cvmj.cvm.model.Model;
import org.cvmj.cvm.tensor.Shape;

/** A small model built in code with random parameters, and random inputs for it. */
final class TestNet {
  final GraphBuilder b = new GraphBuilder();
  final SplittableRandom rnd;
  private int params;

  TestNet(long seed) {
    rnd = new SplittableRandom(seed);
  }

  EntryRef input(int precision, int... dims) {
    return b.input(Shape.of(dims), precision);
  }

  /** A parameter of random values in [-range, range], declared with precision {@code precision}. */
  EntryRef param(int precision, int range, int... dims) {
    Shape s = Shape.of(dims);
    int[] v = new int[s.elements()];
    for (int i = 0; i < v.length; i++) {
      v[i] = rnd.nextInt(-range, range + 1);
    }
    return b.param("p" + params++, s, precision, v);
  }

  EntryRef op(String func, EntryRef... in) {
    return b.op(func, Map.of(), in);
  }

  /** An operator with attributes given as key, value, key, value... */
  EntryRef op(String func, String[] attrs, EntryRef... in) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < attrs.length; i += 2) {
      m.put(attrs[i], attrs[i + 1]);
    }
    return b.op(func, m, in);
  }

  static String[] a(String... kv) {
    return kv;
  }

  /** Brings any entry back to 8 bits: round-shift by {@code shift} and clip. */
  EntryRef requant(EntryRef x, int shift) {
    return op("cvm_right_shift", a("precision", "8", "shift_bit", Integer.toString(shift)), x);
  }

  Model model(EntryRef... heads) throws Exception {
    return model(null, heads);
  }

  Model model(String postprocess, EntryRef... heads) throws Exception {
    GraphBuilder.Built built = b.build(heads);
    Symbol s = built.symbol();
    if (postprocess != null) {
      s = new Symbol(s.nodes(), s.argNodes(), s.nodeRowPtr(), s.heads(), s.attrs(), s.version(), postprocess);
    }
    return Model.load(SymbolWriter.write(s), ParamsWriter.write(built.params()));
  }

  /** Random input bytes for the model, over the full range of the input type (clipping included). */
  byte[] randomInput(Model model) {
    InferenceCodec codec = InferenceCodec.reference(model.graph());
    int n = model.graph().inputShape().elements();
    ByteBuffer buf = ByteBuffer.allocate(codec.inputLength()).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < n; i++) {
      if (codec.inputTypeSize() == 1) {
        buf.put((byte) rnd.nextInt(-128, 128));
      } else {
        int p = model.graph().inputPrecision();
        int r = (int) Math.min(Integer.MAX_VALUE, (1L << (p - 1)) + 3);
        buf.putInt(rnd.nextInt(4) == 0 ? rnd.nextInt() : rnd.nextInt(-r, r));
      }
    }
    return buf.array();
  }

  /** Runs the native guest on a few random inputs, asserting it matches the Java runtime each time. */
  void assertGuestAgrees(Model model, String what) throws Exception {
    for (int i = 0; i < 3; i++) {
      GuestAgreement.assertSameOutput(model, randomInput(model), what + ", input " + i);
    }
  }

  /**
   * Also runs the committed MIPS ELF in the VM: for kernels whose MIPS code is not the native build's C
   * (conv2d's hand-written tile), the native agreement alone would not test them.
   */
  void assertGuestAndVmAgree(Model model, String what) throws Exception {
    for (int i = 0; i < 2; i++) {
      byte[] input = randomInput(model);
      byte[] expected = GuestAgreement.assertSameOutput(model, input, what + ", input " + i);
      assertArrayEquals(expected, GuestInference.run(model, input, 50_000_000).output(),
          what + ", input " + i + ", MIPS VM");
    }
  }
}
