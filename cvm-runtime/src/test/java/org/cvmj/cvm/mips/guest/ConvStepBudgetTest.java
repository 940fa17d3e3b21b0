package org.cvmj.cvm.mips.guest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cvmj.cvm.Fixtures;
import org.cvmj.cvm.model.Model;
import org.junit.jupiter.api.Test;

/**
 * The conv2d path's cost on a real network, held to a budget: step counts are exact and do not depend on
 * the input values, so this is deterministic. ResNet20 (CIFAR, 41.34 M multiply-accumulates, nearly all in
 * 3x3 unit-stride convolutions, which take the row tile conv_tile3.S) must run the whole inference in
 * under 3 steps per MAC, and give the reference output.
 */
class ConvStepBudgetTest {
  @Test
  void resnet20TakesUnderThreeStepsPerMultiplyAccumulate() throws Exception {
    Path dir = Fixtures.resnet20();
    Model model = Model.load(dir);
    long macs = GuestStepsReport.macs(model.graph());
    GuestInference.Result r = GuestInference.run(model, Files.readAllBytes(dir.resolve("input.bin")), 4 * macs);
    assertArrayEquals(Files.readAllBytes(dir.resolve("expected_output.bin")), r.output(), "resnet20 output");
    double perMac = (double) r.steps() / macs;
    assertTrue(perMac < 3.0, r.steps() + " steps for " + macs + " MACs = " + perMac + " per MAC");
    // Each MAC is at least a mul and an addu, plus loads shared between MACs: a floor well above 2.
    assertTrue(perMac > 2.0, "implausibly few steps: " + perMac + " per MAC");
  }
}
