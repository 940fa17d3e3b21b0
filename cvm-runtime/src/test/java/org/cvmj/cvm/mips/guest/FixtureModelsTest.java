package org.cvmj.cvm.mips.guest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.cvmj.cvm.Fixtures;
import org.cvmj.cvm.demo.DemoModel;
import org.cvmj.cvm.model.Model;
import org.junit.jupiter.api.Test;

/** The native guest on real models: the Cortex ResNet20 fixture and the embedded demo model. */
class FixtureModelsTest {

  @Test
  void resnet20GivesTheReferenceRuntimeOutput() throws Exception {
    Path dir = Fixtures.resnet20();
    Model model = Model.load(dir);
    byte[] input = Files.readAllBytes(dir.resolve("input.bin"));
    byte[] out = GuestAgreement.assertSameOutput(model, input, "resnet20 fixture input");
    assertArrayEquals(Files.readAllBytes(dir.resolve("expected_output.bin")), out);
  }

  @Test
  void resnet20AgreesOnRandomInputs() throws Exception {
    Model model = Model.load(Fixtures.resnet20());
    SplittableRandom rnd = new SplittableRandom(7);
    for (int i = 0; i < 2; i++) {
      byte[] input = new byte[3 * 32 * 32];
      for (int j = 0; j < input.length; j++) {
        input[j] = (byte) rnd.nextInt(-128, 128);
      }
      GuestAgreement.assertSameOutput(model, input, "random input " + i);
    }
  }

  @Test
  void demoModelAgrees() throws Exception {
    DemoModel.Files files = DemoModel.embedded();
    Model model = Model.load(files.symbol(), files.params());
    GuestAgreement.assertSameOutput(model, files.input(), "demo model sample input");
  }
}
