package org.cvmj.mrt.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.cvmj.cvm.format.Npy;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.MrtException;
import org.cvmj.mrt.compile.CompiledModel;
import org.cvmj.mrt.compile.ExtInfo;
import org.cvmj.mrt.compile.ModelDirectory;
import org.cvmj.mrt.config.MrtConfig;
import org.cvmj.mrt.data.Dataset;
import org.cvmj.mrt.data.Datasets;
import org.cvmj.mrt.data.Normalization;
import org.cvmj.mrt.eval.Evaluate;
import org.cvmj.mrt.eval.Evaluation;
import org.cvmj.mrt.graph.FModel;
import org.cvmj.mrt.mxnet.MxModelFiles;
import org.cvmj.mrt.quant.Calibrate;
import org.cvmj.mrt.quant.Prepare;
import org.cvmj.mrt.quant.QuantizedModel;
import org.cvmj.mrt.quant.Quantizer;
import org.cvmj.mrt.quant.Thresholds;
import org.cvmj.mrt.report.Report;

/**
 * The whole of {@code mrt quantize}: load the float model and data, prepare, calibrate, quantize, compile,
 * evaluate in the CVM runtime, and write the model directory with its report. The library API behind the
 * CLI; tests call it directly.
 */
public final class QuantizeJob {
  /** A sample input in the model directory, named as MRT names it. */
  public static final String SAMPLE_FILE = "data.npy";
  /**
   * Held-out images, quantized, one model input each ({@code [N, ...input shape without the batch dimension]}),
   * and their labels ({@code int32 [N]}): what a client sends to the model to see it classify real data.
   */
  public static final String SAMPLES_FILE = "samples.npy";
  public static final String LABELS_FILE = "labels.npy";
  /** How many held-out images go into {@link #SAMPLES_FILE}. */
  public static final int SAMPLES = 20;

  private final MrtConfig config;
  private final boolean progressBars;
  private final Map<String, Double> seconds = new LinkedHashMap<>();
  private long stageStart;

  private QuantizeJob(MrtConfig config, boolean progressBars) {
    this.config = config;
    this.progressBars = progressBars;
  }

  /** {@code output} replaces {@code <Dump_dir>/<Model_name>_cvm}. */
  public static QuantizeResult run(MrtConfig config, Optional<Path> output, boolean progressBars) {
    return new QuantizeJob(config, progressBars).run(output.orElse(
        config.compilation().dumpDir().resolve(config.modelName() + "_cvm")));
  }

  private QuantizeResult run(Path target) {
    start();
    FModel model = MxModelFiles.read(config.modelDir(), config.modelName());
    var cal = config.calibration();
    Shape image = config.imageShape();
    Dataset calData = Datasets.load(cal.dataset(), cal.split(), image);
    int calCount = Math.min(cal.batch() * cal.batches(), calData.size());
    var ev = config.evaluation();
    Optional<Dataset> evalData = ev.enabled()
        ? Optional.of(Datasets.load(cal.dataset(), ev.split(), image)) : Optional.empty();
    stop("load");

    FModel prepared = Prepare.run(model, config.inputShape(cal.batch()));
    stop("prepare");

    Calibrate calibrate = new Calibrate(prepared, cal.lambda());
    try (ProgressBar bar = bar("calibrate", calCount)) {
      for (int start = 0; start < calCount; start += cal.batch()) {
        int n = Math.min(cal.batch(), calCount - start);
        calibrate.add(calData.batch(start, n).images());
        bar.stepBy(n);
      }
    }
    Thresholds th = calibrate.result().override(config.quantization().thresholds());
    stop("calibrate");

    var q = config.quantization();
    QuantizedModel quantized = Quantizer.run(prepared, th,
        new Quantizer.Settings(q.inputPrecision(), q.outputPrecision(), q.shiftBits()),
        config.inputShape(config.compilation().batch()));
    CompiledModel compiled = CompiledModel.of(quantized.files());
    stop("quantize");

    Optional<Evaluation> evaluation = evalData.map(d -> evaluate(model, compiled, quantized, d));
    if (evaluation.isPresent()) {
      stop("evaluate");
    }

    ExtInfo ext = ext(quantized, cal.dataset().normalization());
    Dataset sampleFrom = evalData.orElse(calData);
    ModelDirectory.write(target, compiled, ext, staging -> {
      Report.write(staging, config.modelName(), config.source().toString(), compiled.model(), quantized,
          evaluation, sampleFrom.classNames(), seconds);
      writeSample(staging.resolve(SAMPLE_FILE), quantized, sampleFrom.batch(0, config.compilation().batch()));
      writeSamples(staging, quantized, sampleFrom.batch(0, Math.min(SAMPLES, sampleFrom.size())));
      if (config.prepare().dump()) {
        MxModelFiles.write(prepared, staging, config.modelName() + ".prepare");
      }
      if (cal.dump()) {
        Files.writeString(staging.resolve(config.modelName() + ".calibrate.json"), thresholdsJson(th));
      }
    });
    stop("write");
    return new QuantizeResult(target, quantized, calCount, evaluation, seconds);
  }

  /**
   * MRT's {@code data.npy}: the first images of the held-out split (or of the calibration split), quantized as
   * the model's input expects, so that {@code cvm run --input data.npy} works at once.
   */
  private static void writeSample(Path file, QuantizedModel q, Dataset images) throws IOException {
    float[] x = images.images().data();
    int[] v = q.quantizeInput(x, 0, x.length);
    Files.write(file, Npy.write(q.inputShape(), v, q.inputPrecision() <= 8 ? 1 : 4));
  }

  /** {@link #SAMPLES_FILE} and {@link #LABELS_FILE}; the images are quantized exactly as {@link #writeSample}. */
  private static void writeSamples(Path dir, QuantizedModel q, Dataset images) throws IOException {
    float[] x = images.images().data();
    int[] v = q.quantizeInput(x, 0, x.length);
    int[] input = q.inputShape().dims();
    int[] dims = new int[input.length];
    dims[0] = images.size();
    System.arraycopy(input, 1, dims, 1, input.length - 1);
    Files.write(dir.resolve(SAMPLES_FILE), Npy.write(Shape.of(dims), v, q.inputPrecision() <= 8 ? 1 : 4));
    Files.write(dir.resolve(LABELS_FILE), Npy.write(Shape.of(images.size()), images.labels(), 4));
  }

  /** The calibrated thresholds (after overrides), node name to threshold in node order: CALIBRATION Dump. */
  private static String thresholdsJson(Thresholds th) throws IOException {
    ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    return m.writeValueAsString(th.byNode()) + "\n";
  }

  private Evaluation evaluate(FModel model, CompiledModel compiled, QuantizedModel q, Dataset data) {
    var ev = config.evaluation();
    int batch = config.compilation().batch();
    if (batch != 1) {
      throw new MrtException(config.source() + " [COMPILATION] Batch=" + batch
          + ": evaluation runs the compiled model one image at a time; compile with Batch=1 or set"
          + " [EVALUATION] Iter_num=0");
    }
    int n = ev.iterNum().isPresent() ? Math.min(data.size(), ev.iterNum().getAsInt() * ev.batch()) : data.size();
    Dataset subset = data.batch(0, n);
    try (ProgressBar bar = bar("evaluate (float, then CVM)", 2L * n)) {
      return Evaluate.run(model, compiled.model(), q, subset.images(), subset.labels(), ev.batch(),
          Runtime.getRuntime().availableProcessors(), bar::stepBy);
    }
  }

  private ExtInfo ext(QuantizedModel q, Normalization n) {
    List<ExtInfo.Output> outs = new ArrayList<>();
    for (int k = 0; k < q.outputScales().size(); k++) {
      outs.add(new ExtInfo.Output(q.outputScales().get(k), q.outputPrecisions().get(k)));
    }
    return new ExtInfo(config.modelName(), Arrays.stream(q.inputShape().dims()).boxed().toList(),
        q.inputPrecision(), q.inputScale(), n.pixelScale(), Arrays.stream(n.mean()).boxed().toList(),
        Arrays.stream(n.std()).boxed().toList(), outs);
  }

  private ProgressBar bar(String task, long max) {
    ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(task).setInitialMax(max)
        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).continuousUpdate();
    if (!progressBars) {
      b.setConsumer(new DelegatingProgressBarConsumer(s -> { }));
    }
    return b.build();
  }

  private void start() {
    stageStart = System.nanoTime();
  }

  /** Wall time of the stage just finished; reported only, never used in a computation. */
  private void stop(String stage) {
    long now = System.nanoTime();
    seconds.put(stage, (now - stageStart) / 1e9);
    stageStart = now;
  }
}
