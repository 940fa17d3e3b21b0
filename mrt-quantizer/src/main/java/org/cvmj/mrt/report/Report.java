package org.cvmj.mrt.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cvmj.cvm.model.Gas;
import org.cvmj.cvm.model.Model;
import org.cvmj.mrt.eval.Evaluation;
import org.cvmj.mrt.quant.LayerRow;
import org.cvmj.mrt.quant.QuantizedModel;

/**
 * The human report written beside the model: {@code report.md} (accuracy, agreement, per-layer table) and
 * two plots, {@code layers.png} (thresholds and precisions) and {@code confusion.png}.
 */
public final class Report {
  public static final String FILE = "report.md";

  private Report() {}

  /** Stage timings in seconds, in stage order. */
  public static void write(Path dir, String modelName, String config, Model model, QuantizedModel q,
      Optional<Evaluation> eval, List<String> classes, Map<String, Double> seconds) throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(modelName).append(": MRT quantization report\n\n");
    md.append("Config: `").append(config).append("`\n\n");
    md.append("| | |\n|---|---|\n");
    md.append(row("nodes", Integer.toString(model.graph().nodes().size())));
    md.append(row("parameters", Long.toString(model.params().stream().mapToLong(p -> p.values().length).sum())));
    md.append(row("operations (GetOps)", Long.toString(ops(model))));
    md.append(row("input", "`data` " + q.inputShape() + ", int" + q.inputPrecision() + ", scale "
        + num(q.inputScale())));
    for (int k = 0; k < q.outputScales().size(); k++) {
      md.append(row("output " + k, "int" + q.outputPrecisions().get(k) + ", scale " + num(q.outputScales().get(k))
          + " (float ≈ int / scale)"));
    }
    if (eval.isPresent()) {
      Evaluation e = eval.get();
      md.append(row("samples evaluated", Integer.toString(e.samples())));
      md.append(row("float top-1", pct(e.floatTop1())));
      md.append(row("quantized top-1 (CVM runtime)", pct(e.quantTop1())));
      md.append(row("agreement float vs integer", pct(e.agreement())));
    } else {
      md.append(row("evaluation", "skipped ([EVALUATION] Iter_num=0)"));
    }
    seconds.forEach((stage, s) -> md.append(row("time: " + stage, String.format(Locale.ROOT, "%.2f s", s))));
    md.append("\n![thresholds and precisions per layer](layers.png)\n\n");
    if (eval.isPresent()) {
      md.append("![confusion matrix of the integer model](confusion.png)\n\n");
    }
    md.append("## Layers\n\nScale: `int ≈ float · scale`. Requantisation of a layer's inputs: `>>n` rounding")
        .append(" right shift, `×m` integer multiplier, `→b` result clipped to b bits; `clip →b`: tight clip of")
        .append(" the layer's own output.\n\n");
    md.append("| layer | op | threshold | scale | precision | requantisation |\n|---|---|---:|---:|---:|---|\n");
    for (LayerRow r : q.layers()) {
      md.append("| ").append(r.name()).append(" | ").append(r.op()).append(" | ").append(num(r.threshold()))
          .append(" | ").append(num(r.scale())).append(" | ").append(r.precision()).append(" | ")
          .append(r.requant()).append(" |\n");
    }
    Files.writeString(dir.resolve(FILE), md, StandardCharsets.UTF_8);
    Charts.layers(q.layers(), dir.resolve("layers.png"));
    if (eval.isPresent()) {
      Charts.confusion(eval.get().confusion(), classes, dir.resolve("confusion.png"));
    }
  }

  private static long ops(Model model) {
    try {
      return Gas.ops(model.graph());
    } catch (org.cvmj.cvm.model.ModelException e) {
      throw new IllegalStateException("a model that loaded has a GetOps value", e);
    }
  }

  private static String row(String k, String v) {
    return "| " + k + " | " + v + " |\n";
  }

  static String num(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }

  static String pct(double v) {
    return String.format(Locale.ROOT, "%.2f %%", 100 * v);
  }
}
