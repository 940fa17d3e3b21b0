package org.cvmj.mrt.config;

import java.util.List;
import java.util.OptionalInt;

/**
 * [EVALUATION]: compare the float and the quantized model on {@code iterNum} batches of {@code batch} images of
 * {@code split} (empty = the whole split). {@code enabled} is false when the section is absent (as in MRT) or
 * {@code Iter_num=0}.
 */
public record Evaluation(int batch, OptionalInt iterNum, String split, boolean enabled) {
  static Evaluation read(ConfigSection s, boolean present) {
    s.checkDevice();
    int batch = s.positiveInt("Batch", 100);
    OptionalInt iter = s.optionalInteger("Iter_num", 0, Integer.MAX_VALUE,
        "must be a number of batches (0 = skip evaluation) or empty (the whole split)");
    String split = s.choice("Split", "test", List.of("train", "test"));
    boolean enabled = present && (iter.isEmpty() || iter.getAsInt() > 0);
    return new Evaluation(batch, iter, split, enabled);
  }
}
