package org.cvmj.mrt.quant;

/**
 * What quantization did to one layer of the prepared model: its calibrated threshold, the scale and
 * precision of its integer output ({@code int ≈ float · scale}), and the requantisations inserted in front
 * of it, written as {@code input: >>pre ×frac >>shift →bits}.
 */
public record LayerRow(String name, String op, double threshold, double scale, int precision, String requant) {}
