package org.cvmj.mrt.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.cvmj.cvm.exec.Executor;
import org.cvmj.cvm.model.Model;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.graph.FModel;
import org.cvmj.mrt.graph.FTensor;
import org.cvmj.mrt.nn.FloatExecutor;
import org.cvmj.mrt.quant.QuantizedModel;

/**
 * Measures top-1 accuracy of the float model (Java float executor) and of the compiled model run by the CVM
 * runtime itself, not by a float simulation, and how often the two predict the same class.
 */
public final class Evaluate {
  private Evaluate() {}

  /**
   * @param images  N×C×H×W, normalised as the model expects
   * @param progress called with the number of samples just finished (integer and float passes each count)
   */
  public static Evaluation run(FModel floatModel, Model cvm, QuantizedModel q, FTensor images, int[] labels,
      int batch, int threads, IntConsumer progress) {
    int n = labels.length;
    int[] floatPred = floatPredictions(floatModel, images, batch, progress);
    int[] quantPred = integerPredictions(cvm, q, images, threads, progress);
    int classes = 0;
    for (int i = 0; i < n; i++) {
      classes = Math.max(classes, Math.max(labels[i], quantPred[i]) + 1);
    }
    int[][] confusion = new int[classes][classes];
    int floatOk = 0;
    int quantOk = 0;
    int agree = 0;
    for (int i = 0; i < n; i++) {
      floatOk += floatPred[i] == labels[i] ? 1 : 0;
      quantOk += quantPred[i] == labels[i] ? 1 : 0;
      agree += floatPred[i] == quantPred[i] ? 1 : 0;
      confusion[labels[i]][quantPred[i]]++;
    }
    return new Evaluation(n, (double) floatOk / n, (double) quantOk / n, (double) agree / n, confusion);
  }

  static int[] floatPredictions(FModel model, FTensor images, int batch, IntConsumer progress) {
    FloatExecutor exec = FloatExecutor.of(model);
    String input = model.inputNames().get(0);
    int n = images.shape().dim(0);
    int per = images.data().length / n;
    int[] pred = new int[n];
    for (int start = 0; start < n; start += batch) {
      int count = Math.min(batch, n - start);
      int[] dims = images.shape().dims();
      dims[0] = count;
      float[] slice = java.util.Arrays.copyOfRange(images.data(), start * per, (start + count) * per);
      FTensor out = exec.forward(Map.of(input, new FTensor(Shape.of(dims), slice))).get(0);
      int classes = out.data().length / count;
      for (int i = 0; i < count; i++) {
        pred[start + i] = argmax(out.data(), i * classes, classes);
      }
      progress.accept(count);
    }
    return pred;
  }

  /** Each thread owns an executor and a contiguous range of samples; the predictions do not depend on timing. */
  static int[] integerPredictions(Model cvm, QuantizedModel q, FTensor images, int threads,
      IntConsumer progress) {
    int n = images.shape().dim(0);
    int per = images.data().length / n;
    int[] pred = new int[n];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int from = (int) ((long) n * t / threads);
        int to = (int) ((long) n * (t + 1) / threads);
        parts.add(pool.submit(() -> {
          try (Executor exec = new Executor(cvm, 1)) {
            for (int i = from; i < to; i++) {
              int[] out = exec.run(q.quantizeInput(images.data(), i * per, per))[0];
              pred[i] = argmax(out, 0, out.length);
              synchronized (progress) {
                progress.accept(1);
              }
            }
          }
        }));
      }
      for (Future<?> f : parts) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("evaluation interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("integer evaluation failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return pred;
  }

  /** Index of the first largest of {@code count} values from {@code from}: a row's predicted class. */
  public static int argmax(float[] v, int from, int count) {
    int best = 0;
    for (int k = 1; k < count; k++) {
      if (v[from + k] > v[from + best]) {
        best = k;
      }
    }
    return best;
  }

  static int argmax(int[] v, int from, int count) {
    int best = 0;
    for (int k = 1; k < count; k++) {
      if (v[from + k] > v[from + best]) {
        best = k;
      }
    }
    return best;
  }
}
