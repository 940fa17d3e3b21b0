package org.cvmj.uploader.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.cvmj.uploader.TestModels;
import org.cvmj.uploader.TestNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny benchmark run through the library API: it counts and checks, it never judges a speed. */
class ModelsBenchTest {
  @TempDir
  Path dir;

  @Test
  void aTinyRunSendsWhatItSaysAndEveryTransactionSucceeds() throws Exception {
    BenchSettings settings = new BenchSettings(2, 3, 100_000, 10_000);
    StringWriter progress = new StringWriter();
    BenchReport r;
    try (TestNode node = TestNode.start(dir.resolve("chain"))) {
      r = ModelsBench.run(node.rpc, "the test node", TestModels.mnist(), settings, dir.resolve("work"),
          new PrintWriter(progress));
      assertEquals(2 * 3 * 3, node.record(r.mnistModel()).calls(), "every infer transaction is a paid call");
    }
    // docs/gas.md: 20,000 + 34,335,395 / 40 + fee 10,000 + 3 × (784 + 10)
    assertEquals(890_766, r.precompileGas());
    assertEquals(List.of("DigitClassifier.classify, distinct inputs", "DigitClassifier.classify, one input (cached)",
        "infer precompile called directly, distinct inputs"), r.infer().stream().map(InferResult::workload).toList());
    for (InferResult i : r.infer()) {
      assertEquals(6, i.transactions(), i.workload());
      assertEquals(2, i.rate().rounds().size(), i.workload());
      assertTrue(i.gasMin() > r.precompileGas() && i.gasMax() < r.precompileGas() + 100_000, i.toString());
    }
    UploadThroughput u = r.upload();
    assertEquals(2, u.rate().rounds().size());
    // about 100,000 params bytes: two params chunks and the symbol's one, then one transaction per chunk
    assertEquals(3, u.chunks());
    assertEquals(4, u.transactions(), "the registration and a transaction per chunk");
    assertEquals(4, u.blocks(), "automine: a block per transaction");
    assertTrue(u.modelBytes() > 100_000 && u.modelBytes() < 102_000, "" + u.modelBytes());
    String table = BenchTable.format(r);
    assertTrue(table.contains("upload of a 0.10 MB model"), table);
    assertTrue(progress.toString().contains("round 2"), progress.toString());
  }

  @Test
  void distinctInputsDoNotRepeat() throws Exception {
    DigitInputs inputs = DigitInputs.read(TestModels.mnist(), 784);
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      assertTrue(seen.add(java.util.HexFormat.of().formatHex(inputs.next())), "input " + i + " repeats");
    }
  }
}
