package org.cvmj.mrt.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cvmj.mrt.MrtException;
import org.junit.jupiter.api.Test;

class NormalizationTest {
  @Test
  void defaultIsPixelOver255() {
    float[] px = {0, 51, 255};
    Normalization.DEFAULT.applyInPlace(px, 1, 3);
    assertArrayEquals(new float[] {0f, 0.2f, 1f}, px);
  }

  @Test
  void perChannelMeanAndStd() {
    // Two images of 2 channels × 1 pixel: N×C×H×W order is img0c0, img0c1, img1c0, img1c1.
    Normalization n = new Normalization(1, new double[] {10, 20}, new double[] {2, 4});
    float[] px = {14, 28, 10, 20};
    n.applyInPlace(px, 2, 1);
    assertArrayEquals(new float[] {2f, 2f, 0f, 0f}, px);
  }

  @Test
  void oneValueForAllChannels() {
    Normalization n = new Normalization(255, new double[] {0.5}, new double[] {0.25});
    float[] px = {255, 0, 127.5f};
    n.applyInPlace(px, 3, 1);
    assertArrayEquals(new float[] {2f, -2f, 0f}, px);
  }

  @Test
  void invalidValues() {
    assertEquals("std values must be positive numbers, got 0.0", assertThrows(MrtException.class,
        () -> new Normalization(255, new double[] {0}, new double[] {0})).getMessage());
    assertEquals("pixel scale must be a positive number, got -1.0", assertThrows(MrtException.class,
        () -> new Normalization(-1, new double[] {0}, new double[] {1})).getMessage());
    Normalization two = new Normalization(255, new double[] {0, 0}, new double[] {1});
    assertEquals("mean and std need 1 or 3 values (one per channel), got 2 and 1",
        assertThrows(MrtException.class, () -> two.checkChannels(3)).getMessage());
  }

  @Test
  void valueEquality() {
    assertEquals(new Normalization(255, new double[] {0}, new double[] {1}), Normalization.DEFAULT);
  }
}
