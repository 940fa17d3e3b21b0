package org.cvmj.mrt.quant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.cvmj.cvm.format.EntryRef;
import org.cvmj.cvm.model.GraphBuilder;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.MrtException;
import org.cvmj.mrt.graph.Entry;
import org.cvmj.mrt.graph.FModel;
import org.cvmj.mrt.graph.FNode;
import org.cvmj.mrt.graph.FTensor;
import org.cvmj.mrt.graph.MxAttrs;
import org.cvmj.mrt.nn.FloatExecutor;

/**
 * MRT's quantization and compilation (spec mrt-quantizer.md §3.4–§4) of a prepared float model into CVM
 * operators. Each operator's inputs are requantised to the precision its rule asks for (8 bits into
 * convolutions and dense layers, 16 into additions and products) with an integer multiplier and a rounding
 * right shift; every output whose inferred precision exceeds what its threshold needs gets a
 * {@code cvm_clip}; the outputs are requantised to {@code Output_precision}. Precisions come from the CVM
 * runtime's own inference rules through {@link GraphBuilder}, so the loader proves the same bounds.
 */
public final class Quantizer {
  /** The config's QUANTIZATION settings the mathematics uses. */
  public record Settings(int inputPrecision, OptionalInt outputPrecision, int shiftBits) {}

  /** An integer value in the graph being built: {@code int ≈ float · scale}. */
  private record QValue(EntryRef ref, double scale) {}

  private final FModel model;
  private final Thresholds th;
  private final Settings settings;
  private final Shape[][] shapes;
  private final GraphBuilder b = new GraphBuilder();
  private final QValue[] values;
  private final Set<String> usedNames = new HashSet<>();
  private final Map<Long, EntryRef> constants = new HashMap<>();
  private final List<LayerRow> rows = new ArrayList<>();
  private List<String> notes = new ArrayList<>();

  private Quantizer(FModel model, Thresholds th, Settings settings, Shape inputShape) {
    this.model = model;
    this.th = th;
    this.settings = settings;
    this.shapes = FloatExecutor.of(model).inferShapes(Map.of(model.inputNames().get(0), inputShape));
    this.values = new QValue[model.graph().size()];
  }

  /** Quantizes a prepared model for the given input shape (batch axis included). */
  public static QuantizedModel run(FModel prepared, Thresholds thresholds, Settings settings, Shape inputShape) {
    return new Quantizer(prepared, thresholds, settings, inputShape).quantize(inputShape);
  }

  private QuantizedModel quantize(Shape inputShape) {
    List<FNode> nodes = model.graph().nodes();
    String input = model.inputNames().get(0);
    double inputScale = 0;
    for (int i = 0; i < nodes.size(); i++) {
      FNode n = nodes.get(i);
      if (n.name().equals(input)) {
        int p = settings.inputPrecision();
        inputScale = Primitives.scale(th.of(n.name()), p);
        values[i] = new QValue(b.input(inputShape, p), inputScale);
        usedNames.add("data");
        rows.add(new LayerRow(n.name(), "input", th.of(n.name()), inputScale, p, ""));
      } else if (!n.isVariable()) {
        notes = new ArrayList<>();
        QValue v = operator(n);
        v = tighten(n, v);
        values[i] = v;
        rows.add(new LayerRow(n.name(), n.op(), th.of(n.name()), v.scale(), b.precision(v.ref()),
            String.join("; ", notes)));
      }
    }
    List<EntryRef> heads = new ArrayList<>();
    List<Double> outScales = new ArrayList<>();
    List<Integer> outPrecisions = new ArrayList<>();
    for (Entry h : model.graph().heads()) {
      FNode n = model.graph().node(h.node());
      QValue v = values[h.node()];
      if (v == null) {
        throw new MrtException("output '" + n.name() + "' is a constant or an input; nothing to quantize");
      }
      if (settings.outputPrecision().isPresent()) {
        int p = settings.outputPrecision().getAsInt();
        notes = new ArrayList<>();
        v = requant(v, th.of(n.name()), p, Primitives.scale(th.of(n.name()), p), n.name());
        rows.add(new LayerRow(n.name() + " (output)", "requant", th.of(n.name()), v.scale(),
            b.precision(v.ref()), String.join("; ", notes)));
      }
      heads.add(v.ref());
      outScales.add(v.scale());
      outPrecisions.add(b.precision(v.ref()));
    }
    GraphBuilder.Built built = b.build(heads.toArray(EntryRef[]::new));
    return new QuantizedModel(built, inputShape, inputScale, settings.inputPrecision(), outScales, outPrecisions,
        rows);
  }

  // ---- operators -------------------------------------------------------------------------------------

  private QValue operator(FNode n) {
    MxAttrs a = n.typedAttrs();
    try {
      return switch (n.op()) {
        case "Convolution" -> convolution(n, a);
        case "FullyConnected" -> dense(n, a);
        case "relu" -> same(n, "relu", Map.of());
        case "Flatten" -> same(n, "flatten", Map.of());
        case "Pooling" -> same(n, "max_pool2d", poolAttrs(a));
        case "Reshape" -> same(n, "reshape", Map.of("shape", shapeOf(n).toString()));
        case "transpose" -> same(n, "transpose", a.string("axes").map(s -> Map.of("axes", s)).orElse(Map.of()));
        case "elemwise_add" -> commonScale(n, "elemwise_add", Map.of());
        case "elemwise_sub" -> commonScale(n, "elemwise_sub", Map.of());
        case "broadcast_add" -> commonScale(n, "broadcast_add", Map.of());
        case "broadcast_sub" -> commonScale(n, "broadcast_sub", Map.of());
        case "Concat" -> commonScale(n, "concatenate", Map.of("axis", Integer.toString(a.integer("dim", 1))));
        case "broadcast_mul" -> product(n);
        case "sum" -> sum(n, a);
        case "clip" -> clip(n, a);
        default -> throw new MrtException("layer '" + n.name() + "': operator " + n.op()
            + " has no quantization rule");
      };
    } catch (IllegalArgumentException e) {
      throw new MrtException("layer '" + n.name() + "' (" + n.op() + "): the CVM rejects the quantized operator: "
          + e.getMessage(), e);
    }
  }

  /** Convolution and dense: X requantised to 8 bits, W to 8 bits, bias at scale s_W·s_X (MRT _quantize_xwb). */
  private QValue convolution(FNode n, MxAttrs a) {
    int[] kernel = a.tuple("kernel", 2, 1);
    Map<String, String> attrs = new TreeMap<>();
    attrs.put("channels", Integer.toString(a.requireInt("num_filter")));
    attrs.put("kernel_size", MxAttrs.formatTuple(kernel));
    attrs.put("strides", MxAttrs.formatTuple(a.tuple("stride", 2, 1)));
    attrs.put("padding", MxAttrs.formatTuple(a.tuple("pad", 2, 0)));
    attrs.put("dilation", MxAttrs.formatTuple(a.tuple("dilate", 2, 1)));
    attrs.put("groups", Integer.toString(a.integer("num_group", 1)));
    return weighted(n, a, "conv2d", attrs);
  }

  private QValue dense(FNode n, MxAttrs a) {
    Map<String, String> attrs = new TreeMap<>();
    attrs.put("units", Integer.toString(a.requireInt("num_hidden")));
    return weighted(n, a, "dense", attrs);
  }

  private QValue weighted(FNode n, MxAttrs a, String func, Map<String, String> attrs) {
    boolean bias = !a.bool("no_bias", false);
    attrs.put("use_bias", bias ? "True" : "False");
    Entry xe = n.inputs().get(0);
    QValue x = requant(operand(n, xe), th.of(nameOf(xe)), 8, null, nameOf(xe));
    QValue w = parameter(n, n.inputs().get(1), 8);
    double s = w.scale() * x.scale();
    if (!bias) {
      return new QValue(b.op(func, attrs, x.ref(), w.ref()), s);
    }
    Entry be = n.inputs().get(2);
    FTensor bv = constant(n, be);
    int pb = Primitives.getBit(th.of(nameOf(be)) * s);
    EntryRef br = param(nameOf(be), bv, s, pb);
    return new QValue(b.op(func, attrs, x.ref(), w.ref(), br), s);
  }

  /** Operators that keep the scale: relu, max pooling, flatten, reshape, transpose. */
  private QValue same(FNode n, String func, Map<String, String> attrs) {
    QValue x = operand(n, n.inputs().get(0));
    return new QValue(b.op(func, attrs, x.ref()), x.scale());
  }

  /** Additions and concatenation: every input requantised exactly to scale(max th, 16) (MRT _quantize_scale). */
  private QValue commonScale(FNode n, String func, Map<String, String> attrs) {
    double maxTh = 0;
    for (Entry e : n.inputs()) {
      maxTh = Math.max(maxTh, th.of(nameOf(e)));
    }
    double scale = Primitives.scale(maxTh, 16);
    List<EntryRef> in = new ArrayList<>();
    for (Entry e : n.inputs()) {
      if (isConstant(e)) {
        FTensor c = constant(n, e);
        in.add(param(nameOf(e), c, scale, Primitives.getBit(th.of(nameOf(e)) * scale)));
      } else {
        in.add(requant(operand(n, e), th.of(nameOf(e)), 16, scale, nameOf(e)).ref());
      }
    }
    return new QValue(b.op(func, attrs, in.toArray(EntryRef[]::new)), scale);
  }

  /** broadcast_mul: both operands at 16 bits, scales multiply. */
  private QValue product(FNode n) {
    QValue[] q = new QValue[2];
    for (int k = 0; k < 2; k++) {
      Entry e = n.inputs().get(k);
      q[k] = isConstant(e) ? parameter(n, e, 16)
          : requant(operand(n, e), th.of(nameOf(e)), 16, null, nameOf(e));
    }
    return new QValue(b.op("broadcast_mul", Map.of(), q[0].ref(), q[1].ref()), q[0].scale() * q[1].scale());
  }

  private QValue sum(FNode n, MxAttrs a) {
    Entry xe = n.inputs().get(0);
    QValue x = requant(operand(n, xe), th.of(nameOf(xe)), 8, null, nameOf(xe));
    Map<String, String> attrs = new TreeMap<>();
    a.string("axis").ifPresent(v -> attrs.put("axis", v));
    attrs.put("keepdims", a.bool("keepdims", false) ? "True" : "False");
    attrs.put("exclude", a.bool("exclude", false) ? "True" : "False");
    return new QValue(b.op("sum", attrs, x.ref()), x.scale());
  }

  /** clip: the bounds move to the integer domain, truncated toward zero as Python's int() does. */
  private QValue clip(FNode n, MxAttrs a) {
    QValue x = operand(n, n.inputs().get(0));
    long lo = (long) (a.real("a_min", 0) * x.scale());
    long hi = (long) (a.real("a_max", 0) * x.scale());
    Map<String, String> attrs = Map.of("a_min", Long.toString(lo), "a_max", Long.toString(hi));
    return new QValue(b.op("clip", attrs, x.ref()), x.scale());
  }

  private static Map<String, String> poolAttrs(MxAttrs a) {
    if (!a.string("pool_type", "max").equals("max")) {
      throw new MrtException("layer '" + a.node() + "': only max pooling reaches quantization (prepare rewrites avg)");
    }
    Map<String, String> attrs = new TreeMap<>();
    attrs.put("pool_size", MxAttrs.formatTuple(a.tuple("kernel", 2, 1)));
    attrs.put("strides", MxAttrs.formatTuple(a.tuple("stride", 2, 1)));
    attrs.put("padding", MxAttrs.formatTuple(a.tuple("pad", 2, 0)));
    attrs.put("ceil_mode", a.string("pooling_convention", "valid").equals("full") ? "True" : "False");
    return attrs;
  }

  // ---- requantisation ----------------------------------------------------------------------------------

  /**
   * MRT's requant_operator (spec §3.6): shrinks X to {@code oprec} bits at scale {@code target} (or the
   * scale that maps its threshold onto oprec bits): a pre-shift when more than Shift_bits surplus bits,
   * then an integer multiplier and a rounding right shift with the realised scale returned.
   */
  private QValue requant(QValue x, double thX, int oprec, Double target, String what) {
    if (thX == 0) {
      return new QValue(x.ref(), target == null ? 1 : target);
    }
    boolean exactly = target != null;
    double oscale = exactly ? target : Primitives.scale(thX, oprec);
    double iscale = x.scale();
    int iprec = b.precision(x.ref());
    EntryRef ref = x.ref();
    StringBuilder note = new StringBuilder(what).append(":");
    int sb = Primitives.getBit(thX * iscale) - oprec;
    if (sb > settings.shiftBits()) {
      iprec -= sb;
      ref = b.op("cvm_right_shift", Map.of("shift_bit", Integer.toString(sb), "precision",
          Integer.toString(iprec)), ref);
      iscale /= Math.scalb(1.0, sb);
      note.append(" >>").append(sb);
    }
    if (!exactly && iprec <= oprec) {
      if (note.length() > what.length() + 1) {
        notes.add(note.toString());
      }
      return new QValue(ref, iscale);
    }
    Primitives.CvmFloat f = Primitives.cvmFloat(oscale / iscale, 32 - iprec);
    double realised = iscale * f.value();
    if (f.frac() > 1) {
      ref = b.op("broadcast_mul", Map.of(), ref, constant(f.frac()));
      note.append(" ×").append(f.frac());
    }
    ref = realize(ref, -f.exp(), oprec, note);
    notes.add(note.append(" →").append(oprec).toString());
    return new QValue(ref, realised);
  }

  /** MRT's realize: a clip, a rounding right shift or a left shift to precision p. */
  private EntryRef realize(EntryRef x, int shift, int p, StringBuilder note) {
    String prec = Integer.toString(p);
    if (shift == 0) {
      return b.op("cvm_clip", Map.of("precision", prec), x);
    }
    if (shift < 0) {
      note.append(" <<").append(-shift);
      return b.op("cvm_left_shift", Map.of("shift_bit", Integer.toString(-shift), "precision", prec), x);
    }
    // The runtime shifts by at most 32 bits at a time; MRT never needs more for sane scales.
    if (shift > 32) {
      throw new MrtException("a rescale needs a right shift of " + shift + " bits (more than 32); the layer's"
          + " threshold is far smaller than its input's: check the calibration data");
    }
    note.append(" >>").append(shift);
    return b.op("cvm_right_shift", Map.of("shift_bit", Integer.toString(shift), "precision", prec), x);
  }

  /** MRT's tight clipping (spec §3.8): clip to the bits the threshold needs when the inferred precision is more. */
  private QValue tighten(FNode n, QValue v) {
    int tight = Primitives.getBit(th.of(n.name()) * v.scale());
    if (b.precision(v.ref()) > tight) {
      notes.add("clip →" + tight);
      return new QValue(b.op("cvm_clip", Map.of("precision", Integer.toString(tight)), v.ref()), v.scale());
    }
    return v;
  }

  // ---- parameters ------------------------------------------------------------------------------------------

  /** MRT's requant_parameter: scale(th_W, p), values int_realize(W·s, p); all-zero → precision 1, scale 1. */
  private QValue parameter(FNode consumer, Entry e, int precision) {
    FTensor w = constant(consumer, e);
    double thW = th.of(nameOf(e));
    if (thW == 0) {
      return new QValue(param(nameOf(e), w, 1, 1), 1);
    }
    double s = Primitives.scale(thW, precision);
    return new QValue(param(nameOf(e), w, s, precision), s);
  }

  private EntryRef param(String name, FTensor w, double scale, int precision) {
    if (precision > 32) {
      throw new MrtException("parameter '" + name + "' needs " + precision + " bits at scale " + scale);
    }
    int[] q = new int[w.data().length];
    for (int i = 0; i < q.length; i++) {
      q[i] = Primitives.intRealize(w.data()[i] * scale, precision);
    }
    String unique = name;
    for (int k = 1; !usedNames.add(unique); k++) {
      unique = name + "_" + k;
    }
    return b.param(unique, w.shape(), Math.max(precision, 1), q);
  }

  /** MRT's nd_const: an integer constant of shape (1,), shared by value. */
  private EntryRef constant(long value) {
    return constants.computeIfAbsent(value, v -> {
      String name = "requant_scale_" + v;
      usedNames.add(name);
      return b.param(name, Shape.of(1), Primitives.getBit(v), new int[] {Math.toIntExact(v)});
    });
  }

  // ---- helpers -----------------------------------------------------------------------------------------

  private QValue operand(FNode consumer, Entry e) {
    QValue v = values[e.node()];
    if (v == null) {
      throw new MrtException("layer '" + consumer.name() + "': input '" + nameOf(e) + "' is a constant where "
          + consumer.op() + " needs a computed value");
    }
    return v;
  }

  private boolean isConstant(Entry e) {
    return model.params().containsKey(nameOf(e));
  }

  private FTensor constant(FNode consumer, Entry e) {
    FTensor v = model.params().get(nameOf(e));
    if (v == null) {
      throw new MrtException("layer '" + consumer.name() + "': input '" + nameOf(e) + "' must be a parameter");
    }
    return v;
  }

  private String nameOf(Entry e) {
    return model.graph().node(e.node()).name();
  }

  private Shape shapeOf(FNode n) {
    return shapes[model.graph().indexOf(n.name()).orElseThrow()][0];
  }


}
