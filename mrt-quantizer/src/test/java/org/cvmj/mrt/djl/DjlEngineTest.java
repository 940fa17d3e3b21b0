package org.cvmj.mrt.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class DjlEngineTest {
  @Test
  void startsMxnetOfflineFromTheBundledLibrary() {
    Engine engine = DjlEngine.mxnet();
    assertEquals("MXNet", engine.getEngineName());
    // libmxnet 1.9.1's MXGetVersion reports 10900
    assertEquals("1.9.0", engine.getVersion());
    assertEquals("true", System.getProperty("ai.djl.offline"));
    assertEquals("true", System.getProperty("OPT_OUT_TRACKING"));
    assertTrue(DjlEngine.isOffline());
    assertTrue(Files.isDirectory(DjlEngine.cacheDir().resolve("mxnet")), "natives extracted into the cache");
    assertEquals(engine, DjlEngine.mxnet(), "one engine per JVM");
  }

  @Test
  void computesWithMxnetOperators() {
    try (NDManager m = DjlEngine.newManager()) {
      NDArray a = m.arange(12f).reshape(3, 4);
      float[] r = a.matMul(m.ones(new Shape(4, 2))).toFloatArray();
      assertEquals(6, r.length);
      float[] expected = {6, 6, 22, 22, 38, 38};
      for (int i = 0; i < r.length; i++) {
        assertEquals(expected[i], r[i]);
      }
    }
  }
}
