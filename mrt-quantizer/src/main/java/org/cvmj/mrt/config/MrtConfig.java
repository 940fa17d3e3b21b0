package org.cvmj.mrt.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.MrtException;

/**
 * A validated MRT configuration ({@code model_zoo/*.ini}, MRT's {@code main2.py} keys plus CVM-J's additions),
 * one record per section. Everything is checked at load time, so a typo fails before any work starts, with a
 * message naming file, section and key.
 *
 * @param source the config file
 * @param modelDir where {@code <modelName>.json/.params} live (DEFAULT {@code Model_dir}; empty = ~/mrt_model)
 * @param inputShape DEFAULT {@code Input_shape}: (-1, C, H, W), the batch axis -1 first
 */
public record MrtConfig(Path source, Path modelDir, String modelName, int verbosity, int[] inputShape,
    Prepare prepare, SplitModel splitModel, Calibration calibration, Quantization quantization,
    MergeModel mergeModel, Evaluation evaluation, Compilation compilation, Training training) {

  public MrtConfig {
    inputShape = inputShape.clone();
  }

  @Override
  public int[] inputShape() {
    return inputShape.clone();
  }

  /** C×H×W of one input image. */
  public Shape imageShape() {
    return Shape.of(Arrays.copyOfRange(inputShape, 1, inputShape.length));
  }

  /** The input shape for a batch of {@code n}. */
  public Shape inputShape(int n) {
    int[] d = inputShape.clone();
    d[0] = n;
    return Shape.of(d);
  }

  public static MrtConfig load(Path file) {
    IniFile ini = IniFile.read(file);
    ConfigSchema.check(ini);
    Path base = file.toAbsolutePath().getParent();
    ConfigSection defaults = new ConfigSection(ini, IniFile.DEFAULT, base);
    defaults.checkDevice();
    checkStart(defaults);
    Path modelDir = defaults.path("Model_dir")
        .orElseGet(() -> Path.of(System.getProperty("user.home"), "mrt_model"));
    String modelName = defaults.required("Model_name");
    if (modelName.contains("/") || modelName.contains("\\")) {
      throw defaults.error("Model_name", "must be a file name prefix, without directories (use Model_dir)");
    }
    int verbosity = defaults.integer("Verbosity", 0, 0, Integer.MAX_VALUE, "must be an integer >= 0");
    int[] inputShape = inputShape(defaults);
    if (!ini.hasSection("CALIBRATION")) {
      throw new MrtException(ini.fileName() + ": missing section [CALIBRATION] (it names the Dataset)");
    }
    return new MrtConfig(file, modelDir, modelName, verbosity, inputShape,
        Prepare.read(section(ini, "PREPARE", base)),
        SplitModel.read(section(ini, "SPLIT_MODEL", base)),
        Calibration.read(section(ini, "CALIBRATION", base), inputShape[1]),
        Quantization.read(section(ini, "QUANTIZATION", base)),
        MergeModel.read(section(ini, "MERGE_MODEL", base)),
        Evaluation.read(section(ini, "EVALUATION", base), ini.hasSection("EVALUATION")),
        Compilation.read(section(ini, "COMPILATION", base)),
        Training.read(section(ini, "TRAIN", base)));
  }

  private static ConfigSection section(IniFile ini, String name, Path base) {
    return new ConfigSection(ini, name, base);
  }

  /** MRT's {@code Start} resumes from a dumped stage; CVM-J always runs the whole pipeline. */
  private static void checkStart(ConfigSection s) {
    Optional<String> start = s.text("Start");
    if (start.isEmpty() || start.get().equals("DEFAULT")) {
      return;
    }
    List<String> stages = List.of("PREPARE", "SPLIT_MODEL", "CALIBRATION", "QUANTIZATION", "MERGE_MODEL");
    if (stages.contains(start.get().toUpperCase(Locale.ROOT))) {
      throw s.error("Start", "resuming from a checkpoint is not supported; leave Start empty or DEFAULT");
    }
    throw s.error("Start", "must be empty or DEFAULT (resuming from a checkpoint is not supported)");
  }

  private static int[] inputShape(ConfigSection s) {
    String text = s.required("Input_shape").strip();
    String expected = "must be a tuple (-1, C, H, W) with the batch axis -1 first and positive C, H, W";
    if ((text.startsWith("(") && text.endsWith(")")) || (text.startsWith("[") && text.endsWith("]"))) {
      text = text.substring(1, text.length() - 1);
    }
    String[] parts = text.split(",");
    int n = parts.length;
    if (n > 0 && parts[n - 1].isBlank()) {
      n--;
    }
    if (n != 4) {
      throw s.error("Input_shape", expected);
    }
    int[] dims = new int[4];
    for (int i = 0; i < 4; i++) {
      try {
        dims[i] = Integer.parseInt(parts[i].strip());
      } catch (NumberFormatException e) {
        throw s.error("Input_shape", expected);
      }
      if (i == 0 ? dims[i] != -1 : dims[i] <= 0) {
        throw s.error("Input_shape", expected);
      }
    }
    return dims;
  }
}
