package org.cvmj.cvm.mips.guest;

import static org.cvmj.cvm.mips.guest.TestNet.a;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.cvmj.cvm.format.EntryRef;
import org.junit.jupiter.api.Test;

/**
 * Every operator the guest implements, with its attribute variants, in models built in code: the native
 * guest must give the Java runtime's bytes on random inputs.
 */
class OperatorCoverageTest {

  private static EntryRef conv(TestNet n, EntryRef x, int in, int out, String[] attrs, boolean bias, int kh,
      int kw, int groups) {
    EntryRef w = n.param(8, 127, out, in / groups, kh, kw);
    String[] all = new String[attrs.length + 6];
    System.arraycopy(attrs, 0, all, 0, attrs.length);
    all[attrs.length] = "channels";
    all[attrs.length + 1] = Integer.toString(out);
    all[attrs.length + 2] = "kernel_size";
    all[attrs.length + 3] = "(" + kh + ", " + kw + ")";
    all[attrs.length + 4] = "use_bias";
    all[attrs.length + 5] = bias ? "True" : "False";
    return bias ? n.op("conv2d", all, x, w, n.param(8, 127, out)) : n.op("conv2d", all, x, w);
  }

  @Test
  void conv2dVariants() throws Exception {
    TestNet n = new TestNet(1);
    EntryRef x = n.input(8, 2, 4, 11, 13);
    // 3x3 same padding, 6 channels (not a multiple of the 4-channel block), odd pixel count.
    EntryRef y = n.requant(conv(n, x, 4, 6, a("padding", "(1, 1)"), true, 3, 3, 1), 9);
    // 5x5, stride 2, padding 2, no bias.
    EntryRef s = n.requant(conv(n, y, 6, 5, a("padding", "(2, 2)", "strides", "(2, 2)"), false, 5, 5, 1), 10);
    // Rectangular kernel, dilation, unequal padding and strides.
    EntryRef d = n.requant(conv(n, y, 6, 7, a("padding", "(2, 1)", "dilation", "(2, 3)", "strides", "(1, 2)"),
        true, 3, 2, 1), 10);
    // Groups, and depthwise.
    EntryRef g = n.requant(conv(n, y, 6, 4, a("groups", "2", "padding", "(0, 1)"), true, 2, 3, 2), 9);
    EntryRef dw = n.requant(conv(n, y, 6, 6, a("groups", "6", "padding", "(1, 1)"), true, 3, 3, 6), 8);
    // 1x1 unit stride: the direct path that reads the input planes without a padded copy, 54 pixels in
    // tiles that run on across rows (the last one partial).
    EntryRef one = conv(n, dw, 6, 9, a(), true, 1, 1, 1);
    // 1x1 with stride 2 reads a phase-split copy.
    EntryRef oneStrided = n.requant(conv(n, g, 4, 3, a("strides", "(2, 2)"), false, 1, 1, 1), 7);
    // No padding, unit column stride: the input read in place, row by row (5 rows of 11, so a partial
    // tile per row; 7 channels, so a partial block).
    EntryRef inPlace = conv(n, y, 6, 7, a("strides", "(2, 1)"), true, 3, 3, 1);
    n.assertGuestAndVmAgree(n.model(s), "conv 5x5 stride 2");
    n.assertGuestAndVmAgree(n.model(d), "conv dilated");
    n.assertGuestAndVmAgree(n.model(one), "conv depthwise then 1x1 (int32 output)");
    n.assertGuestAndVmAgree(n.model(oneStrided), "conv groups then 1x1 stride 2");
    n.assertGuestAndVmAgree(n.model(inPlace), "conv unpadded in place, row stride 2");
  }

  /** The TAPS field (taps per reduction step: 3 for the row tile, else 1) of each conv2d record of a plan. */
  private static List<Integer> convTaps(TestNet n, EntryRef y) throws Exception {
    ByteBuffer b = ByteBuffer.wrap(ModelPlan.encode(n.model(y)));
    int at = PlanFormat.HEADER_WORDS + 3 * b.getInt(48) + 3 * b.getInt(16);
    List<Integer> taps = new ArrayList<>();
    for (int r = 0; r < b.getInt(20); r++) {
      if (b.getInt(4 * at) == PlanFormat.OP_CONV2D) {
        assertEquals(24, b.getInt(4 * at + 4), "conv2d record words");
        taps.add(b.getInt(4 * (at + 2 + 21)));
      }
      at += b.getInt(4 * at + 4);
    }
    return taps;
  }

  /** One conv2d on a fresh input of the given shape, requantised to 8 bits. */
  private static EntryRef single(TestNet n, int[] xDims, int out, String[] attrs, boolean bias, int kh, int kw,
      int groups) {
    EntryRef x = n.input(8, xDims);
    return n.requant(conv(n, x, xDims[1], out, attrs, bias, kh, kw, groups), 9);
  }

  @Test
  void conv2dRowTileAndItsFallback() throws Exception {
    // Kernel widths that are multiples of 3 at unit column stride and dilation take the row tile (3 taps
    // per reduction step, conv_tile3.S); every case also runs in the VM, batch 2 throughout.
    String[][] names = {
        {"3x3 pad 1, 13 wide (a 1-lane tile per row), 5 channels (a partial block)", "3"},
        {"3x3 unpadded in place, 2 output columns (one partial tile), 8 channels", "3"},
        {"3x6 kernel, two row steps per kernel row, pad (0, 2)", "3"},
        {"1x3 kernel, row stride 2, no bias", "3"},
        {"3x3 row dilation 2 (only the offsets change)", "3"},
        {"3x3 groups 2 and depthwise", "3"},
        {"3x3 column stride 2: general tile", "1"},
        {"3x3 column dilation 2: general tile", "1"},
        {"3x3 dilation (2, 2): general tile", "1"},
        {"3x2 and 5x5 kernels: general tile", "1"},
    };
    for (int i = 0; i < names.length; i++) {
      TestNet n = new TestNet(100 + i);
      EntryRef y = switch (i) {
        case 0 -> single(n, new int[] {2, 3, 6, 13}, 5, a("padding", "(1, 1)"), true, 3, 3, 1);
        case 1 -> single(n, new int[] {2, 4, 5, 4}, 8, a(), true, 3, 3, 1);
        case 2 -> single(n, new int[] {2, 2, 7, 9}, 6, a("padding", "(0, 2)"), true, 3, 6, 1);
        case 3 -> single(n, new int[] {2, 5, 6, 10}, 4, a("strides", "(2, 1)"), false, 1, 3, 1);
        case 4 -> single(n, new int[] {2, 3, 9, 9}, 7, a("padding", "(2, 1)", "dilation", "(2, 1)"), true, 3, 3, 1);
        case 5 -> {
          EntryRef x = n.input(8, 2, 4, 9, 10);
          EntryRef g = n.requant(conv(n, x, 4, 6, a("groups", "2", "padding", "(1, 1)"), true, 3, 3, 2), 9);
          yield n.requant(conv(n, g, 6, 6, a("groups", "6", "padding", "(1, 1)"), true, 3, 3, 6), 9);
        }
        case 6 -> single(n, new int[] {2, 3, 8, 11}, 5, a("padding", "(1, 1)", "strides", "(1, 2)"), true, 3, 3, 1);
        case 7 -> single(n, new int[] {2, 3, 8, 11}, 5, a("padding", "(1, 1)", "dilation", "(1, 2)"), true, 3, 3, 1);
        case 8 -> single(n, new int[] {2, 3, 8, 11}, 5, a("padding", "(2, 2)", "dilation", "(2, 2)"), true, 3, 3, 1);
        default -> {
          EntryRef x = n.input(8, 2, 3, 9, 9);
          EntryRef c = n.requant(conv(n, x, 3, 5, a("padding", "(1, 1)"), true, 3, 2, 1), 9);
          yield n.requant(conv(n, c, 5, 4, a("padding", "(2, 2)"), true, 5, 5, 1), 9);
        }
      };
      int want = Integer.parseInt(names[i][1]);
      for (int taps : convTaps(n, y)) {
        assertEquals(want, taps, names[i][0]);
      }
      n.assertGuestAndVmAgree(n.model(y), names[i][0]);
    }
  }

  @Test
  void conv2dOneByOnePerChannel() throws Exception {
    // 1x1 with one input and one output channel per group (ResNet20's per-channel scales): one
    // multiply-add pass per plane instead of the 4-channel tile. Batch 2, with and without bias; then
    // the cases that must keep the tile: two channels per group, stride 2 (a phase copy), padding.
    TestNet n = new TestNet(7);
    EntryRef x = n.input(8, 2, 5, 7, 9);
    EntryRef a = n.requant(conv(n, x, 5, 5, a("groups", "5"), true, 1, 1, 5), 6);
    EntryRef b = conv(n, a, 5, 5, a("groups", "5"), false, 1, 1, 5);
    n.assertGuestAndVmAgree(n.model(b), "conv 1x1 depthwise, bias then none (int32 output)");
    TestNet m = new TestNet(8);
    EntryRef x2 = m.input(8, 2, 6, 7, 9);
    EntryRef two = m.requant(conv(m, x2, 6, 3, a("groups", "3"), true, 1, 1, 3), 6);
    EntryRef strided = m.requant(conv(m, two, 3, 3, a("groups", "3", "strides", "(2, 2)"), true, 1, 1, 3), 6);
    EntryRef padded = conv(m, strided, 3, 3, a("groups", "3", "padding", "(1, 1)"), true, 1, 1, 3);
    m.assertGuestAndVmAgree(m.model(padded), "conv 1x1 grouped: 2 per group, strided, padded");
  }

  @Test
  void denseVariants() throws Exception {
    TestNet n = new TestNet(2);
    EntryRef x = n.input(8, 3, 37);
    EntryRef h = n.requant(n.op("dense", a("units", "13"), x, n.param(8, 127, 13, 37), n.param(8, 127, 13)), 10);
    EntryRef y = n.op("dense", a("units", "8", "use_bias", "False"), h, n.param(8, 127, 8, 13));
    n.assertGuestAgrees(n.model(y), "dense 13 with bias then 8 without");
    TestNet one = new TestNet(3);
    EntryRef v = one.input(8, 1, 5);
    one.assertGuestAgrees(one.model(one.op("dense", a("units", "1"), v, one.param(8, 127, 1, 5),
        one.param(8, 127, 1))), "dense 1 unit");
  }

  @Test
  void elementwiseAndRequantisation() throws Exception {
    TestNet n = new TestNet(4);
    EntryRef x = n.input(8, 2, 3, 5);
    EntryRef l = n.op("cvm_left_shift", a("precision", "12", "shift_bit", "5"), x);
    EntryRef r = n.op("cvm_right_shift", a("precision", "6", "shift_bit", "1"), l);
    EntryRef c = n.op("cvm_clip", a("precision", "4"), l);
    EntryRef k = n.op("clip", a("a_min", "-20", "a_max", "35"), x);
    EntryRef sum = n.op("elemwise_add", n.op("relu", x), n.op("abs", k));
    EntryRef diff = n.op("elemwise_sub", n.op("negative", r), c);
    EntryRef p = n.op("cvm_precision", n.op("elemwise_add", sum, diff));
    EntryRef lut = n.op("cvm_lut", a("in_dim", "20"), n.op("elemwise_add", p, x), n.param(8, 100, 20));
    n.assertGuestAgrees(n.model(lut), "requant and elementwise chain");
    n.assertGuestAgrees(n.model(n.op("elemwise_add", sum, diff)), "int32 output of the chain");
  }

  @Test
  void wideInputIsInt32AndClipped() throws Exception {
    TestNet n = new TestNet(5);
    EntryRef x = n.input(12, 4, 6);
    n.assertGuestAgrees(n.model(n.op("cvm_right_shift", a("precision", "8", "shift_bit", "3"), x)),
        "12-bit input");
    TestNet full = new TestNet(6);
    EntryRef y = full.input(32, 7);
    full.assertGuestAgrees(full.model(full.op("cvm_right_shift", a("precision", "32", "shift_bit", "1"), y)),
        "32-bit input, shift 0 wraps at the top");
  }

  @Test
  void broadcastOperators() throws Exception {
    String[] ops = {"broadcast_add", "broadcast_sub", "broadcast_mul", "broadcast_max", "broadcast_div",
        "broadcast_greater"};
    int[][][] shapes = {
        {{2, 3, 4, 5}, {3, 1, 1}},
        {{1, 5}, {4, 1}},
        {{4, 1, 6}, {1}},
        {{3, 4}, {3, 4}},
        {{1}, {2, 1, 3}},
        {{2, 1, 3, 1}, {1, 4, 1, 5}},
    };
    long seed = 10;
    for (String op : ops) {
      for (int[][] s : shapes) {
        TestNet n = new TestNet(seed++);
        EntryRef x = n.input(8, s[0]);
        // Small parameter range so that division by zero and by -1 both occur.
        EntryRef y = n.op(op, x, n.param(8, 3, s[1]));
        EntryRef z = n.op(op, n.param(8, 3, s[1]), n.requant(y, 2));
        n.assertGuestAgrees(n.model(z), op + " " + java.util.Arrays.deepToString(s));
      }
    }
  }

  @Test
  void maxPoolVariants() throws Exception {
    String[][] variants = {
        a("pool_size", "(2, 2)", "strides", "(2, 2)"),
        a("pool_size", "(3, 3)", "strides", "(2, 2)", "padding", "(1, 1)"),
        a("pool_size", "(3, 2)", "strides", "(2, 2)", "padding", "(1,)", "ceil_mode", "True"),
        a("pool_size", "(2, 3)", "padding", "(1, 2)"),
        // 2x2 windows all inside the 9x10 input: the guest's fast path (stride 1, stride (1, 2), and
        // stride 2 over 9 rows, whose last row is left out).
        a("pool_size", "(2, 2)"),
        a("pool_size", "(2, 2)", "strides", "(1, 2)"),
        a("pool_size", "(2, 2)", "strides", "(2, 2)", "ceil_mode", "False"),
        // 2x2 with padding, or ceil_mode over 9 rows (a partial last window): the general loop.
        a("pool_size", "(2, 2)", "padding", "(1, 0)"),
        a("pool_size", "(2, 2)", "strides", "(2, 2)", "ceil_mode", "True"),
    };
    long seed = 40;
    for (String[] v : variants) {
      TestNet n = new TestNet(seed++);
      EntryRef x = n.input(8, 2, 3, 9, 10);
      n.assertGuestAgrees(n.model(n.op("max_pool2d", v, x)), "max_pool2d " + String.join(" ", v));
    }
  }

  @Test
  void reductions() throws Exception {
    String[][] variants = {
        a(), a("axis", "(1,)"), a("axis", "(-1, 0)", "keepdims", "True"), a("axis", "(1, 3)"),
        a("axis", "(2,)", "exclude", "True"), a("axis", "(0, 1, 2, 3)", "exclude", "True"),
        a("axis", "(1,)", "keepdims", "True", "exclude", "True"),
    };
    long seed = 50;
    for (String op : new String[] {"sum", "max"}) {
      for (String[] v : variants) {
        TestNet n = new TestNet(seed++);
        EntryRef x = n.input(8, 3, 1, 4, 5);
        n.assertGuestAgrees(n.model(n.op(op, v, x)), op + " " + String.join(" ", v));
      }
    }
  }

  @Test
  void shapeOperators() throws Exception {
    TestNet n = new TestNet(60);
    EntryRef x = n.input(8, 2, 3, 4);
    EntryRef f = n.op("flatten", x);
    EntryRef r = n.op("reshape", a("shape", "(4, 3, 2)"), f);
    EntryRef e = n.op("expand_dims", a("axis", "1", "num_newaxis", "2"), r);
    EntryRef q = n.op("squeeze", a("axis", "(1, 2)"), e);
    EntryRef t = n.op("transpose", a("axes", "(2, 0, 1)"), q);
    EntryRef rev = n.op("transpose", t);
    n.assertGuestAgrees(n.model(rev), "flatten reshape expand_dims squeeze transpose");
    // A view of a view feeding two readers, and a head that is a view.
    EntryRef twice = n.op("elemwise_add", n.op("relu", q), r);
    n.assertGuestAgrees(n.model(n.op("flatten", twice)), "views with several readers");
  }

  @Test
  void slicingAndTiling() throws Exception {
    TestNet n = new TestNet(61);
    EntryRef x = n.input(8, 4, 5, 6);
    EntryRef s1 = n.op("strided_slice", a("begin", "(1, 0, 1)", "end", "(4, 5, 6)", "stride", "(2, 1, 2)"), x);
    EntryRef s2 = n.op("strided_slice", a("begin", "(-1, 4)", "end", "(0, -6)", "stride", "(-1, -2)"), x);
    EntryRef like = n.op("slice_like", a("axis", "(0, 2)"), x, n.param(8, 1, 2, 9, 3));
    EntryRef rep = n.op("repeat", a("repeats", "3", "axis", "-1"), s1);
    EntryRef tile = n.op("tile", a("reps", "(2, 1, 1, 3)"), s2);
    n.assertGuestAgrees(n.model(rep), "strided_slice then repeat");
    n.assertGuestAgrees(n.model(tile), "negative strided_slice then tile");
    n.assertGuestAgrees(n.model(like), "slice_like");
    TestNet u = new TestNet(62);
    EntryRef img = u.input(8, 1, 2, 3, 4);
    u.assertGuestAgrees(u.model(u.op("upsampling", a("scale", "3"), img)), "upsampling");
  }

  @Test
  void concatenateTakeWhere() throws Exception {
    TestNet n = new TestNet(63);
    EntryRef x = n.input(8, 3, 4, 5);
    EntryRef c1 = n.op("concatenate", a("axis", "1"), x, n.param(8, 127, 3, 2, 5), x);
    EntryRef c2 = n.op("concatenate", a("axis", "-1"), c1, n.param(8, 127, 3, 10, 1));
    n.assertGuestAgrees(n.model(c2), "concatenate axis 1 and -1");
    EntryRef idx = n.param(8, 7, 2, 3);
    n.assertGuestAgrees(n.model(n.op("take", x, idx)), "take without axis");
    n.assertGuestAgrees(n.model(n.op("take", a("axis", "1"), x, idx)), "take axis 1");
    EntryRef w1 = n.op("where", n.param(8, 1, 3, 4, 5), x, n.op("negative", x));
    EntryRef w2 = n.op("where", n.param(8, 1, 3), x, n.op("abs", x));
    n.assertGuestAgrees(n.model(w1), "where elementwise");
    n.assertGuestAgrees(n.model(w2), "where per row");
  }

  @Test
  void outputPacking() throws Exception {
    TestNet n = new TestNet(70);
    EntryRef x = n.input(8, 3, 7);
    EntryRef wide = n.op("dense", a("units", "9"), x, n.param(8, 127, 9, 7), n.param(8, 127, 9));
    n.assertGuestAgrees(n.model("argmax", wide), "argmax over int32 rows (compares low bytes)");
    n.assertGuestAgrees(n.model("argmax", x), "argmax over the input");
    EntryRef narrow = n.requant(wide, 6);
    n.assertGuestAgrees(n.model(narrow, n.op("relu", x)), "two int8 heads interleaved");
    n.assertGuestAgrees(n.model("detection", wide, x), "detection heads interleaved as int32");
  }
}
