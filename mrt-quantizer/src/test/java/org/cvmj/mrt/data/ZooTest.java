package org.cvmj.mrt.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cvmj.mrt.MrtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZooTest {
  @Test
  void rootIsTheSystemProperty() {
    assertEquals(Path.of(System.getProperty("mrt.zoo")), Zoo.root());
    assertTrue(Files.isDirectory(Zoo.root().resolve("model_zoo")));
  }

  @Test
  void zooConfigNamesResolveInTheZoo() {
    assertEquals(Zoo.root().resolve("model_zoo/mnist.ini"), Zoo.resolveConfig("model_zoo/mnist.ini"));
  }

  @Test
  void existingPathsAreUsedAsIs(@TempDir Path dir) throws IOException {
    Path mine = Files.writeString(dir.resolve("mine.ini"), "[DEFAULT]\n");
    assertEquals(mine, Zoo.resolveConfig(mine.toString()));
  }

  @Test
  void missingConfigs() {
    MrtException e = assertThrows(MrtException.class, () -> Zoo.resolveConfig("model_zoo/nope.ini"));
    assertEquals("config model_zoo/nope.ini not found, neither in the current directory nor as "
        + Zoo.root().resolve("model_zoo/nope.ini"), e.getMessage());
    assertEquals("config elsewhere/nope.ini not found",
        assertThrows(MrtException.class, () -> Zoo.resolveConfig("elsewhere/nope.ini")).getMessage());
  }

  @Test
  void unsetPropertyIsExplained() {
    String saved = System.getProperty(Zoo.PROPERTY);
    System.clearProperty(Zoo.PROPERTY);
    try {
      MrtException e = assertThrows(MrtException.class, Zoo::root);
      assertTrue(e.getMessage().startsWith("the system property mrt.zoo is not set"), e.getMessage());
    } finally {
      System.setProperty(Zoo.PROPERTY, saved);
    }
  }
}
