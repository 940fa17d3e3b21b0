package org.cvmj.uploader.model;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.cvmj.cvm.model.Model;
import org.cvmj.cvm.model.ModelException;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.uploader.InvalidInputException;

/**
 * What one {@code register} call declares: the files, the input shape, the author's fee and the description. Built
 * by {@link #prepare}, which refuses locally what the chain would reject after the whole upload was paid for.
 *
 * @param files the model files
 * @param shape the model's full input shape, as registered
 * @param fee the author's fee per call, in gas
 * @param description free text stored with the model
 */
public record ModelUpload(ModelFiles files, InputShape shape, long fee, String description) {
  public ModelUpload {
    if (fee < 0) {
      throw new IllegalArgumentException("fee must be non-negative, got " + fee);
    }
    description = description == null ? "" : description;
  }

  /**
   * Checks the files and the declared shape the way the chain will, before anything is sent.
   *
   * <p>With {@code verify}, the symbol must be UTF-8 and {@code Model.load} of cvm-runtime must accept both files
   * (every load-time check the registry runs); the declared shape, when given, must be the model's input shape,
   * either in full ({@code 1,1,28,28}) or without a leading batch dimension of 1 ({@code 1,28,28}, Cortex's
   * convention). The registered shape is always the full one, which is what the chain compares. Without a
   * declared shape the model's own is used. Without {@code verify} nothing is loaded and {@code declared} is
   * registered as given: the chain alone then judges the model (tests use this to reach its rejection path).
   */
  public static ModelUpload prepare(ModelFiles files, Optional<InputShape> declared, long fee, String description,
      boolean verify) throws InvalidInputException {
    if (fee < 0) {
      throw new InvalidInputException("--fee " + fee + " must not be negative");
    }
    if (!verify) {
      InputShape shape = declared.orElseThrow(() -> new InvalidInputException(
          "without local verification the model is not loaded, so --shape is required"));
      return new ModelUpload(files, shape, fee, description);
    }
    InputShape actual = inputShape(load(files));
    if (declared.isPresent()) {
      InputShape given = declared.get();
      boolean full = given.equals(actual);
      boolean withoutBatch = actual.dims().size() > 1 && actual.dims().get(0) == 1
          && given.equals(actual.withoutFirst());
      if (!full && !withoutBatch) {
        throw new InvalidInputException("--shape " + given + " does not match the model's input shape " + actual
            + " (" + files.source() + "); pass --shape " + actual + (actual.dims().get(0) == 1 && actual.dims()
            .size() > 1 ? " or " + actual.withoutFirst() : ""));
      }
    }
    return new ModelUpload(files, actual, fee, description);
  }

  /** Loads the model with every check of cvm-runtime, as the registry will at the last chunk. */
  static Model load(ModelFiles files) throws InvalidInputException {
    String json;
    try {
      json = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(files.symbol())).toString();
    } catch (CharacterCodingException e) {
      throw new InvalidInputException("the symbol file of " + files.source() + " is not UTF-8 text");
    }
    try {
      return Model.load(json, files.params());
    } catch (ModelException e) {
      throw new InvalidInputException("the model " + files.source() + " fails cvm-runtime's load checks, so the"
          + " chain would reject it: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      // the loader's own checks throw ModelException; anything else still means unreadable files
      throw new InvalidInputException("the model " + files.source() + " cannot be loaded: " + e, e);
    }
  }

  private static InputShape inputShape(Model model) {
    Shape s = model.graph().inputShape();
    return InputShape.of(s.dims());
  }
}
