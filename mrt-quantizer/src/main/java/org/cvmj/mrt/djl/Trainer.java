package org.cvmj.mrt.djl;

import ai.djl.engine.Engine;
import ai.djl.mxnet.engine.MxSymbolBlock;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.cvmj.mrt.MrtException;
import org.cvmj.mrt.eval.Evaluate;
import org.cvmj.mrt.graph.FModel;
import org.cvmj.mrt.graph.FTensor;

/**
 * Trains a float model on MXNet through DJL, offline: the model is written with the MXNet file writer and
 * loaded as an {@link MxSymbolBlock} (see {@link DjlRunner}); each step runs the symbol forward in training
 * mode under a gradient collector, takes softmax cross-entropy on the logits, back-propagates in libmxnet
 * and applies the optimizer's MXNet update operator to every trainable parameter.
 *
 * <p>BatchNorm's moving mean and variance are auxiliary states of the symbol. In training mode libmxnet's
 * BatchNorm normalises with the batch statistics and updates the moving statistics in place
 * ({@code moving = momentum * moving + (1 - momentum) * batch}), and the CachedOp behind the block receives
 * the parameter arrays themselves, so the trained model comes back with the statistics MXNet accumulated.
 * {@link Result#auxStatesUpdated()} reports whether every auxiliary state actually changed.
 *
 * <p>Reproducibility: the initial parameters, the shuffled order and the augmentation shifts come from
 * {@code seed} through {@link SplittableRandom}; MXNet's own generator is seeded with
 * {@code Engine.setRandomSeed(seed)} (used only by operators like Dropout). MXNet's multi-threaded CPU
 * kernels may sum in a different order from run to run, so results agree within noise, not bit for bit.
 */
public final class Trainer {
  private static final int EVAL_BATCH = 500;

  /** Metrics of one epoch: mean training loss, training accuracy (on the augmented batches), held-out accuracy. */
  public record Epoch(int epoch, double loss, double trainAccuracy, double heldOutAccuracy, double seconds) {}

  /**
   * A trained model (every parameter, auxiliary states included, float32, original names), the per-epoch
   * metrics, the final held-out top-1 accuracy, the wall time, and whether MXNet changed every auxiliary
   * state (true when the graph has none).
   */
  public record Result(FModel model, List<Epoch> epochs, double heldOutAccuracy, double seconds,
      boolean auxStatesUpdated) {}

  private Trainer() {}

  /**
   * Trains {@code initial} on ({@code trainImages}, {@code trainLabels}) and reports accuracy on the held-out
   * set after each epoch. Images are N×C×H×W float tensors, labels class indices.
   */
  public static Result train(FModel initial, FTensor trainImages, int[] trainLabels, FTensor heldOutImages,
      int[] heldOutLabels, TrainOptions options, Consumer<String> log) {
    checkData(trainImages, trainLabels, "training");
    checkData(heldOutImages, heldOutLabels, "held-out");
    long start = System.nanoTime();
    Engine engine = DjlEngine.mxnet();
    engine.setRandomSeed((int) options.seed());
    try (DjlRunner runner = DjlRunner.load(initial)) {
      MxSymbolBlock block = runner.block();
      NDManager root = runner.manager();
      List<String> inputs = runner.inputNames();
      if (inputs.size() != 1) {
        throw new MrtException("training needs a model with one input, this one has " + inputs);
      }
      String inputName = inputs.get(0);
      Set<String> auxNames = new HashSet<>(Arrays.asList(block.getSymbol().getAuxNames()));
      List<Parameter> trainable = new ArrayList<>();
      for (Parameter p : block.getAllParameters()) {
        if (p.isInitialized() && !auxNames.contains(p.getName())) {
          p.getArray().setRequiresGradient(true);
          trainable.add(p);
        }
      }
      Map<String, float[]> auxBefore = auxSnapshot(block, auxNames);

      int n = trainLabels.length;
      int stepsPerEpoch = (n + options.batch() - 1) / options.batch();
      Optimizer optimizer = optimizer(options, (long) stepsPerEpoch * options.epochs());
      Loss loss = Loss.softmaxCrossEntropyLoss();
      ParameterStore store = new ParameterStore(root, false);
      SplittableRandom random = new SplittableRandom(options.seed());
      int[] order = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      int[] dims = trainImages.shape().dims();
      int c = dims[1];
      int h = dims[2];
      int w = dims[3];
      int per = c * h * w;
      List<Epoch> epochs = new ArrayList<>();
      double heldOut = 0;
      for (int epoch = 1; epoch <= options.epochs(); epoch++) {
        long epochStart = System.nanoTime();
        shuffle(order, random);
        double lossSum = 0;
        long correct = 0;
        try (ProgressBar bar = progressBar(options, epoch, n)) {
          for (int from = 0; from < n; from += options.batch()) {
            int b = Math.min(options.batch(), n - from);
            float[] x = new float[b * per];
            float[] y = new float[b];
            for (int k = 0; k < b; k++) {
              int idx = order[from + k];
              int dx = options.shift() == 0 ? 0 : random.nextInt(-options.shift(), options.shift() + 1);
              int dy = options.shift() == 0 ? 0 : random.nextInt(-options.shift(), options.shift() + 1);
              copyShifted(trainImages.data(), idx * per, x, k * per, c, h, w, dx, dy);
              y[k] = trainLabels[idx];
            }
            try (NDManager batch = root.newSubManager()) {
              NDArray xs = batch.create(x, new Shape(b, c, h, w));
              xs.setName(inputName);
              NDArray ys = batch.create(y, new Shape(b));
              float batchLoss;
              float[] logits;
              try (GradientCollector collector = engine.newGradientCollector()) {
                NDList out = block.forward(store, new NDList(xs), true);
                NDArray l = loss.evaluate(new NDList(ys), out);
                collector.backward(l);
                batchLoss = l.getFloat();
                logits = out.head().toFloatArray();
              }
              for (Parameter p : trainable) {
                NDArray weight = p.getArray();
                try (NDArray grad = weight.getGradient()) {
                  optimizer.update(p.getId(), weight, grad);
                }
              }
              if (!Float.isFinite(batchLoss)) {
                throw new MrtException("training diverged at epoch " + epoch + " (loss " + batchLoss
                    + "); lower TRAIN Learning_rate");
              }
              lossSum += (double) batchLoss * b;
              correct += countCorrect(logits, y);
            }
            if (bar != null) {
              bar.stepBy(b);
              bar.setExtraMessage(String.format(Locale.ROOT, "loss %.4f acc %.2f%%",
                  lossSum / (from + b), 100.0 * correct / (from + b)));
            }
          }
        }
        heldOut = accuracy(block, root, inputName, heldOutImages, heldOutLabels);
        Epoch e = new Epoch(epoch, lossSum / n, (double) correct / n, heldOut,
            (System.nanoTime() - epochStart) / 1e9);
        epochs.add(e);
        log.accept(String.format(Locale.ROOT,
            "epoch %d/%d: train loss %.4f, train acc %.2f%%, held-out acc %.2f%% (%.1f s)", epoch,
            options.epochs(), e.loss(), 100 * e.trainAccuracy(), 100 * e.heldOutAccuracy(), e.seconds()));
      }
      Map<String, FTensor> trained = runner.parameters();
      Map<String, FTensor> params = new LinkedHashMap<>();
      for (String name : initial.params().keySet()) {
        FTensor t = trained.get(name);
        if (t == null) {
          throw new MrtException("DJL lost parameter '" + name + "' during training");
        }
        params.put(name, t);
      }
      boolean auxUpdated = auxChanged(block, auxBefore);
      return new Result(new FModel(initial.graph(), params), epochs, heldOut,
          (System.nanoTime() - start) / 1e9, auxUpdated);
    }
  }

  /** Top-1 accuracy of a float model on a labelled set, evaluated by MXNet in inference mode. */
  public static double accuracy(DjlRunner runner, FTensor images, int[] labels) {
    checkData(images, labels, "evaluation");
    List<String> in = runner.inputNames();
    if (in.size() != 1) {
      throw new MrtException("evaluation needs a model with one input, this one has " + in);
    }
    return accuracy(runner.block(), runner.manager(), in.get(0), images, labels);
  }

  private static double accuracy(MxSymbolBlock block, NDManager root, String inputName, FTensor images,
      int[] labels) {
    int[] dims = images.shape().dims();
    int per = images.shape().elements() / dims[0];
    long correct = 0;
    ParameterStore store = new ParameterStore(root, false);
    for (int from = 0; from < labels.length; from += EVAL_BATCH) {
      int b = Math.min(EVAL_BATCH, labels.length - from);
      float[] x = Arrays.copyOfRange(images.data(), from * per, (from + b) * per);
      long[] shape = new long[dims.length];
      shape[0] = b;
      for (int i = 1; i < dims.length; i++) {
        shape[i] = dims[i];
      }
      try (NDManager batch = root.newSubManager()) {
        NDArray xs = batch.create(x, new Shape(shape));
        xs.setName(inputName);
        float[] logits = block.forward(store, new NDList(xs), false).head().toFloatArray();
        float[] y = new float[b];
        for (int k = 0; k < b; k++) {
          y[k] = labels[from + k];
        }
        correct += countCorrect(logits, y);
      }
    }
    return (double) correct / labels.length;
  }

  private static Optimizer optimizer(TrainOptions o, long totalSteps) {
    double base = o.learningRate();
    Tracker cosine = step -> (float) (base * 0.5 * (1 + Math.cos(Math.PI * Math.min(step, totalSteps) / totalSteps)));
    if (o.optimizer().equals("adam")) {
      return Optimizer.adam().optLearningRateTracker(cosine).optWeightDecays((float) o.weightDecay()).build();
    }
    return Optimizer.sgd().setLearningRateTracker(cosine).optMomentum((float) o.momentum())
        .optWeightDecays((float) o.weightDecay()).build();
  }

  private static ProgressBar progressBar(TrainOptions o, int epoch, int n) {
    if (!o.progress()) {
      return null;
    }
    return new ProgressBarBuilder()
        .setTaskName("epoch " + epoch + "/" + o.epochs())
        .setInitialMax(n)
        .setUnit(" img", 1)
        .setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .setUpdateIntervalMillis(250)
        .build();
  }

  /** Copies one C×H×W image, moved right by dx and down by dy pixels, the uncovered border set to 0. */
  static void copyShifted(float[] src, int srcOff, float[] dst, int dstOff, int c, int h, int w, int dx, int dy) {
    if (dx == 0 && dy == 0) {
      System.arraycopy(src, srcOff, dst, dstOff, c * h * w);
      return;
    }
    for (int ch = 0; ch < c; ch++) {
      for (int r = 0; r < h; r++) {
        int sr = r - dy;
        int base = dstOff + (ch * h + r) * w;
        if (sr < 0 || sr >= h) {
          Arrays.fill(dst, base, base + w, 0f);
          continue;
        }
        int sBase = srcOff + (ch * h + sr) * w;
        for (int col = 0; col < w; col++) {
          int sc = col - dx;
          dst[base + col] = sc < 0 || sc >= w ? 0f : src[sBase + sc];
        }
      }
    }
  }

  private static void shuffle(int[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  private static long countCorrect(float[] logits, float[] labels) {
    int classes = logits.length / labels.length;
    long correct = 0;
    for (int k = 0; k < labels.length; k++) {
      if (Evaluate.argmax(logits, k * classes, classes) == (int) labels[k]) {
        correct++;
      }
    }
    return correct;
  }

  private static Map<String, float[]> auxSnapshot(MxSymbolBlock block, Set<String> auxNames) {
    Map<String, float[]> m = new LinkedHashMap<>();
    for (Parameter p : block.getAllParameters()) {
      if (auxNames.contains(p.getName()) && p.isInitialized()) {
        m.put(p.getName(), p.getArray().toFloatArray());
      }
    }
    return m;
  }

  private static boolean auxChanged(MxSymbolBlock block, Map<String, float[]> before) {
    for (Parameter p : block.getAllParameters()) {
      float[] old = before.get(p.getName());
      if (old != null && Arrays.equals(old, p.getArray().toFloatArray())) {
        return false;
      }
    }
    return true;
  }

  private static void checkData(FTensor images, int[] labels, String what) {
    if (images.shape().ndim() != 4 || images.shape().dim(0) != labels.length) {
      throw new MrtException("the " + what + " set must be N×C×H×W images with N labels; got images "
          + images.shape() + " and " + labels.length + " labels");
    }
    if (labels.length == 0) {
      throw new MrtException("the " + what + " set is empty");
    }
  }
}
