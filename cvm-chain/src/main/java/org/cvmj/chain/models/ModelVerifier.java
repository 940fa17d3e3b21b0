package org.cvmj.chain.models;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cvmj.chain.crypto.Keccak256;
import org.cvmj.cvm.exec.InferenceCodec;
import org.cvmj.cvm.model.Gas;
import org.cvmj.cvm.model.Model;
import org.cvmj.cvm.model.ModelException;
import org.cvmj.cvm.tensor.Shape;

/**
 * What happens when a model's last chunk arrives: both hashes, every load-time check of cvm-runtime, the declared
 * input shape against the graph's, and {@code GetOps}. A pure function of the declared record and the bytes, so
 * every node reaches the same verdict.
 */
final class ModelVerifier {
  private ModelVerifier() {}

  /** The outcome: a loaded model with its ops and byte conventions, or the reason it was rejected. */
  record Verdict(LoadedModel model, long ops, ModelRecord.ModelIo io, String rejection) {
    static Verdict rejected(String reason) {
      return new Verdict(null, 0, null, reason);
    }

    boolean accepted() {
      return rejection == null;
    }
  }

  static Verdict verify(ModelRecord m, byte[] symbol, byte[] params) {
    if (!Keccak256.hash(symbol).equals(m.symbolHash())) {
      return Verdict.rejected("symbol hash mismatch: the uploaded symbol hashes to " + Keccak256.hash(symbol)
          + " but " + m.symbolHash() + " was registered");
    }
    if (!Keccak256.hash(params).equals(m.paramsHash())) {
      return Verdict.rejected("params hash mismatch: the uploaded params hash to " + Keccak256.hash(params)
          + " but " + m.paramsHash() + " was registered");
    }
    String json;
    try {
      json = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(symbol)).toString();
    } catch (CharacterCodingException e) {
      return Verdict.rejected("the symbol file is not valid UTF-8 JSON");
    }
    Model model;
    long ops;
    try {
      model = Model.load(json, params);
      ops = Gas.ops(model.graph());
    } catch (ModelException e) {
      return Verdict.rejected("the model fails cvm-runtime's load checks: " + e.getMessage());
    } catch (RuntimeException e) {
      // the loader's own checks throw ModelException; anything else is still a bad file, not a node failure
      return Verdict.rejected("the model cannot be loaded: " + e);
    }
    Shape actual = model.graph().inputShape();
    List<Long> dims = new ArrayList<>();
    for (int i = 0; i < actual.ndim(); i++) {
      dims.add((long) actual.dim(i));
    }
    if (!dims.equals(m.inputShape())) {
      return Verdict.rejected("input shape mismatch: the model's input is " + dims + " but " + m.inputShape()
          + " was registered");
    }
    InferenceCodec codec = new InferenceCodec(model.graph(), ByteOrder.BIG_ENDIAN);
    ModelRecord.ModelIo io = new ModelRecord.ModelIo(codec.inputTypeSize(), codec.inputLength(),
        codec.outputTypeSize(), codec.outputLength());
    return new Verdict(new LoadedModel(model, codec), ops, io, null);
  }
}
