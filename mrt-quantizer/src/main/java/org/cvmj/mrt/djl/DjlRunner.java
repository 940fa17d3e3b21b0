package org.cvmj.mrt.djl;

import ai.djl.MalformedModelException;
import ai.djl.mxnet.engine.MxSymbolBlock;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cvmj.mrt.MrtException;
import org.cvmj.mrt.graph.FModel;
import org.cvmj.mrt.graph.FTensor;
import org.cvmj.mrt.mxnet.MxModelFiles;

/**
 * Runs a float model through DJL on MXNet (libmxnet's own operators), as the reference that CVM-J's Java
 * float executor is checked against and as the engine the {@link Trainer} trains on.
 *
 * <p>{@link #load(FModel)} writes the model with {@link MxModelFiles} into a temporary directory under DJL's
 * file names ({@code <name>-symbol.json}, {@code <name>-0000.params}) and loads it with a DJL
 * {@link Criteria}, so every run also checks that our MXNet files load in libmxnet. The model's block is an
 * {@link MxSymbolBlock}; its variables without a value in the params file are the inputs.
 */
public final class DjlRunner implements AutoCloseable {
  private static final String MODEL_NAME = "model";

  private final ZooModel<NDList, NDList> model;
  private final MxSymbolBlock block;
  private final Path tempDir;
  private final List<String> inputNames = new ArrayList<>();

  private DjlRunner(ZooModel<NDList, NDList> model, Path tempDir) {
    this.model = model;
    this.tempDir = tempDir;
    if (!(model.getBlock() instanceof MxSymbolBlock b)) {
      throw new MrtException("DJL loaded the model as " + model.getBlock().getClass().getName()
          + ", not an MXNet symbol block");
    }
    this.block = b;
    for (Parameter p : b.getAllParameters()) {
      if (!p.isInitialized()) {
        inputNames.add(p.getName());
      }
    }
  }

  /** Writes {@code fmodel} as MXNet files into a temporary directory (deleted on close) and loads them. */
  public static DjlRunner load(FModel fmodel) {
    if (fmodel.params().isEmpty()) {
      // MXNDArrayLoad returns no name list for an empty file, which DJL 0.36 does not handle
      throw new MrtException("DJL-MXNet cannot load a model without parameters");
    }
    DjlEngine.mxnet();
    Path dir;
    try {
      dir = Files.createTempDirectory("cvmj-djl-");
      MxModelFiles.write(fmodel, dir.resolve(MODEL_NAME + "-symbol.json"), dir.resolve(MODEL_NAME + "-0000.params"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the model for DJL into a temporary directory", e);
    }
    try {
      return new DjlRunner(loadModel(dir, MODEL_NAME), dir);
    } catch (RuntimeException e) {
      deleteTree(dir);
      throw e;
    }
  }

  /** Loads {@code <dir>/<name>-symbol.json} and the newest {@code <dir>/<name>-NNNN.params}, as DJL names them. */
  public static DjlRunner open(Path dir, String name) {
    DjlEngine.mxnet();
    return new DjlRunner(loadModel(dir, name), null);
  }

  private static ZooModel<NDList, NDList> loadModel(Path dir, String name) {
    Criteria<NDList, NDList> criteria = Criteria.builder()
        .setTypes(NDList.class, NDList.class)
        .optModelPath(dir)
        .optModelName(name)
        .optEngine(DjlEngine.ENGINE_NAME)
        .build();
    try {
      return criteria.loadModel();
    } catch (IOException | ModelNotFoundException | MalformedModelException | RuntimeException e) {
      throw new MrtException("DJL-MXNet cannot load model '" + name + "' from " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The variables DJL treats as inputs (those without a value in the params file), in symbol order. */
  public List<String> inputNames() {
    return List.copyOf(inputNames);
  }

  /** Runs the model on a single input (the first input name), in inference mode. */
  public List<FTensor> predict(FTensor data) {
    List<String> in = inputNames();
    if (in.size() != 1) {
      throw new MrtException("model has inputs " + in + "; pass them by name");
    }
    return predict(Map.of(in.get(0), data));
  }

  /** Runs the model in inference mode (BatchNorm uses the moving statistics); outputs in head order. */
  public List<FTensor> predict(Map<String, FTensor> inputs) {
    List<String> names = inputNames();
    if (!inputs.keySet().containsAll(names) || inputs.size() != names.size()) {
      throw new MrtException("model inputs are " + names + ", got " + inputs.keySet());
    }
    try (NDManager m = model.getNDManager().newSubManager()) {
      NDList list = new NDList();
      for (String n : names) {
        NDArray a = NdArrays.toNd(m, inputs.get(n));
        a.setName(n);
        list.add(a);
      }
      NDList out = block.forward(new ParameterStore(m, false), list, false);
      List<FTensor> result = new ArrayList<>();
      for (int i = 0; i < out.size(); i++) {
        result.add(NdArrays.toFTensor(out.get(i), "output " + i));
      }
      return result;
    } catch (ai.djl.engine.EngineException e) {
      throw new MrtException("MXNet failed to run the model: " + e.getMessage(), e);
    }
  }

  /** Every parameter (arguments and auxiliary states) as DJL holds it, names without prefixes. */
  public Map<String, FTensor> parameters() {
    Map<String, FTensor> out = new LinkedHashMap<>();
    for (Parameter p : block.getAllParameters()) {
      if (p.isInitialized()) {
        out.put(p.getName(), NdArrays.toFTensor(p.getArray(), "parameter " + p.getName()));
      }
    }
    return out;
  }

  MxSymbolBlock block() {
    return block;
  }

  NDManager manager() {
    return model.getNDManager();
  }

  @Override
  public void close() {
    model.close();
    if (tempDir != null) {
      deleteTree(tempDir);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a leftover temporary directory is harmless
    }
  }
}
