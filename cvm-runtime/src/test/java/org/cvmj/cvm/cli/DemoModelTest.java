package org.cvmj.cvm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cvmj.cvm.demo.DemoModel;
import org.junit.jupiter.api.Test;

/** The committed demo model is exactly what the generator writes, so the repository can regenerate it. */
class DemoModelTest {
  @Test
  void committedFilesMatchTheGenerator() {
    DemoModel.Files generated = DemoModel.generate();
    DemoModel.Files committed = DemoModel.embedded();
    assertEquals(generated.symbol(), committed.symbol(),
        "regenerate with: bin/cvm demo --out cvm-runtime/src/main/resources/org/cvmj/cvm/demo");
    assertArrayEquals(generated.params(), committed.params());
    assertArrayEquals(generated.input(), committed.input());
  }
}
