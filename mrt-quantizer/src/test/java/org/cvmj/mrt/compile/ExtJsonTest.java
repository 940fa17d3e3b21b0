package org.cvmj.mrt.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cvmj.mrt.MrtException;
import org.junit.jupiter.api.Test;

class ExtJsonTest {
  private static final ExtInfo EXT = new ExtInfo("mnist_dapp", List.of(1, 1, 28, 28), 8, 127.0, 255, List.of(0.0),
      List.of(1.0), List.of(new ExtInfo.Output(4.5443, 8)));

  @Test
  void writesTheDocumentedLayoutAndReadsItBack() {
    String text = ExtJson.write(EXT);
    assertTrue(text.contains("\"scale\" : 127.0"), text);
    assertTrue(text.indexOf("\"model\"") < text.indexOf("\"input\"") && text.indexOf("\"input\"") < text.indexOf(
        "\"outputs\""), text);
    assertEquals(EXT, ExtJson.read(text, "ext.json"));
  }

  @Test
  void aMissingKeyIsNamed() {
    String text = ExtJson.write(EXT).replace("\"precision\" : 8,\n    \"scale\" : 127.0", "\"scale\" : 127.0");
    MrtException e = assertThrows(MrtException.class, () -> ExtJson.read(text, "m/ext.json"));
    assertEquals("m/ext.json: missing key 'precision'", e.getMessage());
  }

  @Test
  void notJsonIsNamed() {
    MrtException e = assertThrows(MrtException.class, () -> ExtJson.read("{", "m/ext.json"));
    assertTrue(e.getMessage().startsWith("m/ext.json: not JSON"), e.getMessage());
  }
}
