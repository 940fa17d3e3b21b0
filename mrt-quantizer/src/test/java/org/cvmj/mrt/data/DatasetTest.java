package org.cvmj.mrt.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.MrtException;
import org.cvmj.mrt.graph.FTensor;
import org.junit.jupiter.api.Test;

class DatasetTest {
  private static Dataset fourImages() {
    float[] data = new float[4 * 2];
    for (int i = 0; i < data.length; i++) {
      data[i] = i;
    }
    return new Dataset(new FTensor(Shape.of(4, 1, 1, 2), data), new int[] {0, 1, 2, 1}, List.of("a", "b", "c"));
  }

  @Test
  void batchCopiesASlice() {
    Dataset b = fourImages().batch(1, 2);
    assertEquals(Shape.of(2, 1, 1, 2), b.images().shape());
    assertArrayEquals(new float[] {2, 3, 4, 5}, b.images().data());
    assertArrayEquals(new int[] {1, 2}, b.labels());
    assertEquals(List.of("a", "b", "c"), b.classNames());
    assertEquals(Shape.of(1, 1, 2), b.imageShape());
  }

  @Test
  void batchOutsideIsAnError() {
    MrtException e = assertThrows(MrtException.class, () -> fourImages().batch(3, 2));
    assertEquals("batch of 2 from image 3 is outside the dataset of 4 images", e.getMessage());
  }

  @Test
  void labelsMustBeClassIndices() {
    assertThrows(IllegalArgumentException.class, () -> new Dataset(new FTensor(Shape.of(1, 1, 1, 1), new float[1]),
        new int[] {3}, List.of("a", "b")));
  }
}
