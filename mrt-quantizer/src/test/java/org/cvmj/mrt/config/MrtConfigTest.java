package org.cvmj.mrt.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.MrtException;
import org.cvmj.mrt.data.DatasetKind;
import org.cvmj.mrt.data.Normalization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MrtConfigTest {
  private static final String MINIMAL = """
      [DEFAULT]
      Model_name=net
      Input_shape=(-1, 1, 28, 28)
      [CALIBRATION]
      Dataset=mnist
      """;

  @TempDir
  Path dir;

  private MrtConfig load(String text) throws IOException {
    return MrtConfig.load(Files.writeString(dir.resolve("t.ini"), text));
  }

  /** The message of loading {@code text}, which must fail. */
  private String error(String text) throws IOException {
    Path file = Files.writeString(dir.resolve("t.ini"), text);
    return assertThrows(MrtException.class, () -> MrtConfig.load(file)).getMessage();
  }

  @Test
  void defaultsOfAMinimalConfig() throws IOException {
    MrtConfig c = load(MINIMAL);
    assertEquals("net", c.modelName());
    assertEquals(Path.of(System.getProperty("user.home"), "mrt_model"), c.modelDir());
    assertEquals(0, c.verbosity());
    assertArrayEquals(new int[] {-1, 1, 28, 28}, c.inputShape());
    assertEquals(Shape.of(1, 28, 28), c.imageShape());
    assertEquals(Shape.of(16, 1, 28, 28), c.inputShape(16));
    assertFalse(c.prepare().dump());
    Calibration cal = c.calibration();
    assertEquals(16, cal.batch());
    assertEquals(1, cal.batches());
    assertEquals(OptionalDouble.empty(), cal.lambda());
    assertEquals("train", cal.split());
    assertEquals(DatasetKind.MNIST, cal.dataset().kind());
    assertEquals(Optional.empty(), cal.dataset().dir());
    assertEquals(Normalization.DEFAULT, cal.dataset().normalization());
    Quantization q = c.quantization();
    assertEquals(8, q.inputPrecision());
    assertEquals(OptionalInt.empty(), q.outputPrecision());
    assertEquals(10.0, q.softmaxLambd());
    assertEquals(5, q.shiftBits());
    assertEquals(Map.of(), q.thresholds());
    assertFalse(c.evaluation().enabled(), "no [EVALUATION] section: MRT skips evaluation");
    assertEquals(100, c.evaluation().batch());
    assertEquals("test", c.evaluation().split());
    assertEquals(1, c.compilation().batch());
    assertEquals(Path.of("").toAbsolutePath(), c.compilation().dumpDir());
    assertEquals(new Training("dapp", 5, 64, 0.001, "adam", 0.9, 0.0, 42, 0), c.training());
  }

  @Test
  void emptyValuesMeanDefaults() throws IOException {
    MrtConfig c = load(MINIMAL + """
        Batch=
        Calibrate_num=
        Lambda=
        Calibrate_split=
        [QUANTIZATION]
        Input_precision=
        Softmax_lambd=
        Shift_bits=
        [EVALUATION]
        Iter_num=
        """);
    assertEquals(16, c.calibration().batch());
    assertEquals(1, c.calibration().batches());
    assertEquals(8, c.quantization().inputPrecision());
    assertEquals(5, c.quantization().shiftBits());
    assertTrue(c.evaluation().enabled());
    assertEquals(OptionalInt.empty(), c.evaluation().iterNum(), "empty = the whole split");
  }

  @Test
  void everyValueRead() throws IOException {
    MrtConfig c = load("""
        [DEFAULT]
        Model_dir=models
        model_name=net
        DEVICE_TYPE=CPU
        Device_ids=0, 1
        Verbosity=20
        Input_shape=(-1, 3, 32, 32)
        Start=DEFAULT
        [PREPARE]
        Dump=yes
        [CALIBRATION]
        Batch=8
        Calibrate_num=4
        Lambda=16
        Dataset=IDX
        Dataset_dir=data/cifar
        Calibrate_split=test
        Pixel_scale=1
        Mean=0.4914, 0.4822, 0.4465
        Std=0.25
        [QUANTIZATION]
        Input_precision=8
        Output_precision=16
        Softmax_lambd=12.5
        Shift_bits=4
        Thresholds=dense0: 2.5, conv0: 1.25
        [EVALUATION]
        Batch=50
        Iter_num=3
        Split=train
        [COMPILATION]
        Batch=2
        Dump_dir=out
        [TRAIN]
        Network=resnet20
        Epochs=2
        Batch=32
        Learning_rate=0.1
        Optimizer=SGD
        Momentum=0.5
        Weight_decay=0.0001
        Seed=-3
        Shift=3
        """);
    assertEquals(dir.resolve("models"), c.modelDir());
    assertEquals(20, c.verbosity());
    assertTrue(c.prepare().dump());
    Calibration cal = c.calibration();
    assertEquals(8, cal.batch());
    assertEquals(4, cal.batches());
    assertEquals(OptionalDouble.of(16), cal.lambda());
    assertEquals("test", cal.split());
    assertEquals(DatasetKind.IDX, cal.dataset().kind());
    assertEquals(Optional.of(dir.resolve("data/cifar")), cal.dataset().dir());
    assertEquals(new Normalization(1, new double[] {0.4914, 0.4822, 0.4465}, new double[] {0.25}),
        cal.dataset().normalization());
    Quantization q = c.quantization();
    assertEquals(OptionalInt.of(16), q.outputPrecision());
    assertEquals(12.5, q.softmaxLambd());
    assertEquals(4, q.shiftBits());
    assertEquals(List.of("dense0", "conv0"), List.copyOf(q.thresholds().keySet()), "file order");
    assertEquals(2.5, q.thresholds().get("dense0"));
    assertEquals(1.25, q.thresholds().get("conv0"));
    assertEquals(new Evaluation(50, OptionalInt.of(3), "train", true), c.evaluation());
    assertEquals(new Compilation(2, dir.resolve("out")), c.compilation());
    assertEquals(new Training("resnet20", 2, 32, 0.1, "sgd", 0.5, 0.0001, -3, 3), c.training());
  }

  @Test
  void iterNumZeroSkipsEvaluation() throws IOException {
    assertFalse(load(MINIMAL + "[EVALUATION]\nIter_num=0\n").evaluation().enabled());
  }

  @Test
  void defaultSectionValuesAreFallbacks() throws IOException {
    MrtConfig c = load(MINIMAL.replace("[CALIBRATION]", "Batch=7\n[CALIBRATION]") + "[EVALUATION]\n");
    assertEquals(7, c.calibration().batch());
    assertEquals(7, c.evaluation().batch());
    assertEquals(7, c.compilation().batch());
  }

  @Test
  void invalidValueNamesFileSectionAndKey() throws IOException {
    assertEquals("t.ini [CALIBRATION] Calibrate_num: must be a positive integer, got 'x' (line 6)",
        error(MINIMAL + "Calibrate_num=x\n"));
    assertEquals("t.ini [CALIBRATION] Lambda: must be a positive number or empty (None), got '-1' (line 6)",
        error(MINIMAL + "Lambda=-1\n"));
    assertEquals("t.ini [CALIBRATION] Calibrate_split: must be one of train, test, got 'val' (line 6)",
        error(MINIMAL + "Calibrate_split=val\n"));
    assertEquals("t.ini [PREPARE] Dump: must be a boolean (true/false, yes/no, on/off, 1/0), got 'maybe' (line 7)",
        error(MINIMAL + "[PREPARE]\nDump=maybe\n"));
    assertEquals("t.ini [QUANTIZATION] Input_precision: must be an integer from 2 to 32, got '64' (line 7)",
        error(MINIMAL + "[QUANTIZATION]\nInput_precision=64\n"));
    assertEquals("t.ini [TRAIN] Network: must be one of dapp, lenet, mlp, resnet20, got 'vgg' (line 7)",
        error(MINIMAL + "[TRAIN]\nNetwork=vgg\n"));
  }

  @Test
  void fallbackErrorsNameTheDefaultSection() throws IOException {
    assertEquals("t.ini [DEFAULT] Batch: must be a positive integer, got '0' (line 4)",
        error(MINIMAL.replace("[CALIBRATION]", "Batch=0\n[CALIBRATION]")));
  }

  @Test
  void unknownKeyListsTheValidOnes() throws IOException {
    assertEquals("t.ini [CALIBRATION] Calibrate_nm (line 6): unknown key; valid keys in [CALIBRATION]: Batch, "
        + "Calibrate_num, Lambda, Dataset, Dataset_dir, Device_type, Device_ids, Dump, Calibrate_split, "
        + "Pixel_scale, Mean, Std", error(MINIMAL + "Calibrate_nm=2\n"));
    assertTrue(error(MINIMAL.replace("[CALIBRATION]", "Modle_name=x\n[CALIBRATION]"))
        .startsWith("t.ini [DEFAULT] Modle_name (line 4): unknown key; valid keys in [DEFAULT]: Model_dir, "));
    assertEquals("t.ini: unknown section [CALIBRATE]; valid sections: DEFAULT, PREPARE, SPLIT_MODEL, CALIBRATION, "
        + "QUANTIZATION, MERGE_MODEL, EVALUATION, COMPILATION, TRAIN", error(MINIMAL + "[CALIBRATE]\n"));
  }

  @Test
  void requiredKeys() throws IOException {
    assertEquals("t.ini [DEFAULT] Model_name: is required", error(MINIMAL.replace("Model_name=net", "Model_name=")));
    assertEquals("t.ini [CALIBRATION] Dataset: is required", error(MINIMAL.replace("Dataset=mnist", "Dataset=")));
    assertEquals("t.ini: missing section [CALIBRATION] (it names the Dataset)",
        error("[DEFAULT]\nModel_name=n\nInput_shape=(-1,1,2,2)\n"));
    assertEquals("t.ini [CALIBRATION] Dataset_dir: Dataset=npy reads its files from Dataset_dir; set it to the "
        + "directory (relative paths are relative to the config file)",
        error(MINIMAL.replace("Dataset=mnist", "Dataset=npy")));
  }

  @Test
  void inputShapeNeedsOneLeadingBatchAxis() throws IOException {
    for (String bad : List.of("(1, 1, 28, 28)", "(-1, -1, 28, 28)", "(-1, 784)", "(-1, 1, 28, x)")) {
      assertEquals("t.ini [DEFAULT] Input_shape: must be a tuple (-1, C, H, W) with the batch axis -1 first and "
          + "positive C, H, W, got '" + bad + "' (line 3)", error(MINIMAL.replace("(-1, 1, 28, 28)", bad)));
    }
    assertArrayEquals(new int[] {-1, 3, 4, 5}, load(MINIMAL.replace("(-1, 1, 28, 28)", "[-1,3,4,5,]")).inputShape());
  }

  @Test
  void gpuIsRejected() throws IOException {
    assertEquals("t.ini [CALIBRATION] Device_type: CVM-J runs on the CPU; set Device_type=cpu or leave it empty, "
        + "got 'gpu' (line 6)", error(MINIMAL + "Device_type=gpu\n"));
    assertEquals("t.ini [DEFAULT] Device_type: CVM-J runs on the CPU; set Device_type=cpu or leave it empty, "
        + "got 'gpu' (line 4)", error(MINIMAL.replace("[CALIBRATION]", "Device_type=gpu\n[CALIBRATION]")));
    assertEquals("t.ini [EVALUATION] Device_ids: must be comma-separated device numbers, got '0,a' (line 7)",
        error(MINIMAL + "[EVALUATION]\nDevice_ids=0,a\n"));
  }

  @Test
  void unsupportedMrtFeaturesAreRejected() throws IOException {
    assertEquals("t.ini [DEFAULT] Start: resuming from a checkpoint is not supported; leave Start empty or DEFAULT, "
        + "got 'CALIBRATION' (line 4)", error(MINIMAL.replace("[CALIBRATION]", "Start=CALIBRATION\n[CALIBRATION]")));
    assertEquals("t.ini [SPLIT_MODEL] Keys: model splitting is not supported (the float top could not run on the "
        + "CVM); leave Keys empty, got 'dense0' (line 7)", error(MINIMAL + "[SPLIT_MODEL]\nKeys=dense0\n"));
    assertEquals("t.ini [QUANTIZATION] Restore_name: restored float layers cannot compile to the CVM; leave "
        + "Restore_name empty, got '_ALL_EXCEPT_' (line 7)", error(MINIMAL + "[QUANTIZATION]\nRestore_name=_ALL_EXCEPT_\n"));
    assertEquals("t.ini [MERGE_MODEL] Attribute_deps: merging is not supported (it only follows model splitting); "
        + "leave Attribute_deps empty, got 'a: b: c' (line 7)", error(MINIMAL + "[MERGE_MODEL]\nAttribute_deps=a: b: c\n"));
    assertEquals("t.ini [MERGE_MODEL] Oscale_maps: merging is not supported (it only follows model splitting); "
        + "leave Oscale_maps empty, got 'x: y' (line 7)", error(MINIMAL + "[MERGE_MODEL]\nOscale_maps=x: y\n"));
  }

  @Test
  void mrtDatasetsPointToTheGenericKinds() throws IOException {
    assertEquals("t.ini [CALIBRATION] Dataset: imagenet is an MRT dataset that CVM-J does not bundle; convert it to "
        + "IDX, .npy or an image folder and use Dataset=idx, npy or image_folder with Dataset_dir, got 'imagenet' "
        + "(line 5)", error(MINIMAL.replace("Dataset=mnist", "Dataset=imagenet")));
    assertEquals("t.ini [CALIBRATION] Dataset: must be one of mnist, fashion_mnist, idx, npy, image_folder, "
        + "got 'mnits' (line 5)", error(MINIMAL.replace("Dataset=mnist", "Dataset=mnits")));
  }

  @Test
  void meanAndStdPerChannel() throws IOException {
    assertEquals("t.ini [CALIBRATION] Mean: needs one value for all channels or one per channel (1 from "
        + "Input_shape), got '0.1, 0.2' (line 6)", error(MINIMAL + "Mean=0.1, 0.2\n"));
    assertEquals("t.ini [CALIBRATION] Std: must be comma-separated positive numbers, got '0' (line 6)",
        error(MINIMAL + "Std=0\n"));
  }

  @Test
  void thresholdsSyntax() throws IOException {
    assertEquals("t.ini [QUANTIZATION] Thresholds: must be 'name: value' pairs separated by commas ('conv0 1.5'), "
        + "got 'conv0 1.5' (line 7)", error(MINIMAL + "[QUANTIZATION]\nThresholds=conv0 1.5\n"));
    assertEquals("t.ini [QUANTIZATION] Thresholds: conv0 is given twice, got 'conv0: 1, conv0: 2' (line 7)",
        error(MINIMAL + "[QUANTIZATION]\nThresholds=conv0: 1, conv0: 2\n"));
    assertEquals("t.ini [QUANTIZATION] Thresholds: the threshold of conv0 must be a positive number ('abc'), "
        + "got 'conv0: abc' (line 7)", error(MINIMAL + "[QUANTIZATION]\nThresholds=conv0: abc\n"));
    MrtConfig c = load(MINIMAL + "[QUANTIZATION]\nThresholds = b: 1,\n  a: 2\n");
    assertEquals(List.of("b", "a"), List.copyOf(c.quantization().thresholds().keySet()));
  }

  @Test
  void homeDirectoryExpansion() throws IOException {
    MrtConfig c = load(MINIMAL.replace("[CALIBRATION]", "Model_dir=~/models\n[CALIBRATION]"));
    assertEquals(Path.of(System.getProperty("user.home"), "models"), c.modelDir());
  }
}
