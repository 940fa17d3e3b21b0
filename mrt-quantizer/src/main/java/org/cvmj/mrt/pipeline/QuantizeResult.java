package org.cvmj.mrt.pipeline;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.cvmj.mrt.eval.Evaluation;
import org.cvmj.mrt.quant.QuantizedModel;

/** What {@code mrt quantize} produced: where, how accurate, and seconds per stage (in stage order). */
public record QuantizeResult(Path outputDir, QuantizedModel quantized, int calibrationSamples,
    Optional<Evaluation> evaluation, Map<String, Double> seconds) {}
