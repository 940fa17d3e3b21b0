package org.cvmj.mrt.data;

import java.util.Arrays;
import org.cvmj.mrt.MrtException;

/**
 * Pixel normalisation {@code x = (pixel / pixelScale - mean[c]) / std[c]}, computed in double and stored as
 * float. {@code mean} and {@code std} hold one value per channel or one for all channels. The default (scale
 * 255, mean 0, std 1) is MRT's MNIST input, {@code pixel / 255}.
 */
public record Normalization(double pixelScale, double[] mean, double[] std) {
  public static final Normalization DEFAULT = new Normalization(255, new double[] {0}, new double[] {1});

  public Normalization {
    if (!(pixelScale > 0) || Double.isInfinite(pixelScale)) {
      throw new MrtException("pixel scale must be a positive number, got " + pixelScale);
    }
    if (mean.length == 0 || std.length == 0) {
      throw new MrtException("mean and std need at least one value each");
    }
    for (double m : mean) {
      if (!Double.isFinite(m)) {
        throw new MrtException("mean values must be finite, got " + m);
      }
    }
    for (double s : std) {
      if (!(s > 0) || Double.isInfinite(s)) {
        throw new MrtException("std values must be positive numbers, got " + s);
      }
    }
    mean = mean.clone();
    std = std.clone();
  }

  @Override
  public double[] mean() {
    return mean.clone();
  }

  @Override
  public double[] std() {
    return std.clone();
  }

  /** Throws unless mean and std each have one value or {@code channels} values. */
  public void checkChannels(int channels) {
    if ((mean.length != 1 && mean.length != channels) || (std.length != 1 && std.length != channels)) {
      throw new MrtException("mean and std need 1 or " + channels + " values (one per channel), got "
          + mean.length + " and " + std.length);
    }
  }

  /** One normalised value of channel {@code channel} (for inputs that do not come from a {@link Dataset}). */
  public float apply(float pixel, int channel) {
    double m = mean.length == 1 ? mean[0] : mean[channel];
    double s = std.length == 1 ? std[0] : std[channel];
    return (float) ((pixel / pixelScale - m) / s);
  }

  /** Normalises N×C×H×W pixels in place ({@code plane} = H×W) and returns the same array. */
  float[] applyInPlace(float[] pixels, int channels, int plane) {
    checkChannels(channels);
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = apply(pixels[i], (i / plane) % channels);
    }
    return pixels;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Normalization n && Double.compare(pixelScale, n.pixelScale) == 0
        && Arrays.equals(mean, n.mean) && Arrays.equals(std, n.std);
  }

  @Override
  public int hashCode() {
    return Double.hashCode(pixelScale) * 31 * 31 + Arrays.hashCode(mean) * 31 + Arrays.hashCode(std);
  }

  @Override
  public String toString() {
    return "Normalization[pixelScale=" + pixelScale + ", mean=" + Arrays.toString(mean) + ", std="
        + Arrays.toString(std) + "]";
  }
}
