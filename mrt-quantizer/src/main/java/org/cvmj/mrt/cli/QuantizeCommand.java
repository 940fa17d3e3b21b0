package org.cvmj.mrt.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.cvmj.mrt.config.MrtConfig;
import org.cvmj.mrt.data.Zoo;
import org.cvmj.mrt.eval.Evaluation;
import org.cvmj.mrt.pipeline.QuantizeJob;
import org.cvmj.mrt.pipeline.QuantizeResult;
import org.cvmj.mrt.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mrt quantize CONFIG [--output DIR] [--json]}. */
@Command(name = "quantize", mixinStandardHelpOptions = true,
    description = {"Quantize the config's float model into a CVM model directory (symbol, params, ext.json, "
        + "report.md, layers.png, confusion.png), evaluated in the CVM runtime.",
        "CONFIG may be model_zoo/<name>.ini for the bundled zoo, e.g. model_zoo/mnist.ini."})
final class QuantizeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "MRT INI configuration")
  String config;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR",
      description = "model directory to write (default: <Dump_dir>/<Model_name>_cvm)")
  Path output;

  @Option(names = "--json", description = "print one JSON object instead of the summary (progress stays on stderr)")
  boolean json;

  @Override
  public Integer call() throws Exception {
    MrtConfig cfg = MrtConfig.load(Zoo.resolveConfig(config));
    // Progress bars only on an interactive terminal: in logs and pipes they are noise.
    QuantizeResult r = QuantizeJob.run(cfg, Optional.ofNullable(output), System.console() != null);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(json(r));
    } else {
      summary(out, cfg, r);
    }
    out.flush();
    return 0;
  }

  private static void summary(PrintWriter out, MrtConfig cfg, QuantizeResult r) {
    out.printf(Locale.ROOT, "quantized %s: %d nodes, input int%d scale %.6g, calibrated on %d images%n",
        cfg.modelName(), r.quantized().files().symbol().nodes().size(), r.quantized().inputPrecision(),
        r.quantized().inputScale(), r.calibrationSamples());
    if (r.evaluation().isPresent()) {
      Evaluation e = r.evaluation().get();
      out.printf(Locale.ROOT, "top-1 on %d held-out images: float %.2f %%, quantized (CVM) %.2f %%, agreement %.2f %%%n",
          e.samples(), 100 * e.floatTop1(), 100 * e.quantTop1(), 100 * e.agreement());
    } else {
      out.println("evaluation skipped ([EVALUATION] Iter_num=0 or no [EVALUATION] section)");
    }
    StringBuilder t = new StringBuilder("time:");
    r.seconds().forEach((k, v) -> t.append(String.format(Locale.ROOT, " %s %.2f s,", k, v)));
    out.println(t.substring(0, t.length() - 1));
    out.println("model:  " + r.outputDir());
    out.println("report: " + r.outputDir().resolve(Report.FILE));
  }

  private static String json(QuantizeResult r) throws Exception {
    ObjectMapper m = new ObjectMapper();
    ObjectNode o = m.createObjectNode();
    o.put("output_dir", r.outputDir().toString());
    o.put("calibration_samples", r.calibrationSamples());
    if (r.evaluation().isPresent()) {
      Evaluation e = r.evaluation().get();
      o.put("samples", e.samples());
      o.put("float_top1", e.floatTop1());
      o.put("quantized_top1", e.quantTop1());
      o.put("agreement", e.agreement());
    } else {
      o.putNull("samples");
      o.putNull("float_top1");
      o.putNull("quantized_top1");
      o.putNull("agreement");
    }
    ObjectNode s = o.putObject("seconds");
    r.seconds().forEach(s::put);
    return m.writeValueAsString(o);
  }
}
