package org.cvmj.cvm.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cvmj.cvm.demo.DemoModel;
import org.cvmj.cvm.exec.InferenceCodec;
import org.cvmj.cvm.format.Npy;
import org.cvmj.cvm.model.Model;
import org.cvmj.cvm.model.ModelException;
import org.cvmj.cvm.model.Rule;

/** Reads an inference input: raw bytes in the CVMAPIInference convention, or a {@code .npy} array. */
final class InputFile {
  private InputFile() {}

  /** The input as raw CVMAPIInference bytes (a {@code .npy} array is encoded), as a chain would pass it. */
  static byte[] readRaw(Path file, Model model) throws IOException, ModelException {
    return InferenceCodec.reference(model.graph()).encodeInput(read(file, model));
  }

  static int[] read(Path file, Model model) throws IOException, ModelException {
    InferenceCodec codec = InferenceCodec.reference(model.graph());
    if (file == null) {
      return codec.decodeInput(DemoModel.embedded().input());
    }
    byte[] bytes = Files.readAllBytes(file);
    if (!file.getFileName().toString().endsWith(".npy")) {
      return codec.decodeInput(bytes);
    }
    Npy.Array array = Npy.read(bytes);
    long need = model.graph().inputShape().size();
    if (array.values().length != need) {
      throw new ModelException(Rule.INPUT, file + " holds shape " + array.shape() + " ("
          + array.values().length + " values); the model input is " + model.graph().inputShape());
    }
    return array.values();
  }
}
