package org.cvmj.uploader.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cvmj.cvm.exec.Executor;
import org.cvmj.cvm.format.Npy;
import org.cvmj.cvm.model.Model;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.uploader.InvalidInputException;
import org.cvmj.uploader.TestModels;
import org.cvmj.uploader.TestNode;
import org.cvmj.uploader.model.InputShape;
import org.cvmj.uploader.model.ModelFiles;
import org.cvmj.uploader.model.ModelUpload;
import org.cvmj.uploader.upload.UploadListener;
import org.cvmj.uploader.upload.UploadOptions;
import org.cvmj.uploader.wallet.Wallet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The main flow on an in-process dev node: the MNIST model uploaded by dev account 0, classified by dev account 1
 * through {@code DigitClassifier} transactions. The chain must predict what cvm-runtime's executor predicts, and
 * the author's balance must grow by exactly the fees the classifying transactions paid.
 */
class ClassifierDemoTest {
  static final long FEE = 10_000;

  @TempDir
  Path dir;

  @Test
  void classifiesAsTheRuntimeDoesAndTheAuthorGainsExactlyTheFees() throws Exception {
    Path model = modelWithSamples(dir.resolve("model"));
    Samples samples = Samples.read(model);
    int[] expected = runtimePredictions(model, samples);
    Credentials author = Wallet.devAccount(0);
    try (TestNode n = TestNode.start(dir.resolve("chain"))) {
      ModelUpload upload = ModelUpload.prepare(ModelFiles.read(model), Optional.of(InputShape.parse("1,28,28")),
          FEE, "digits", true);
      List<Prediction> seen = new ArrayList<>();
      DemoResult r = ClassifierDemo.run(n.rpc, author, Wallet.devAccount(1), upload, samples,
          UploadOptions.defaults(), UploadListener.NONE, new ClassifierDemo.Listener() {
            @Override
            public void classified(Prediction p) {
              seen.add(p);
            }
          });

      assertEquals(r.predictions(), seen);
      for (Prediction p : r.predictions()) {
        assertEquals(expected[p.index()], p.predicted(), "image " + p.index());
        assertEquals(samples.labels()[p.index()], p.label());
      }
      assertEquals(samples.size(), r.correct(), "the labels are the runtime's predictions");
      assertEquals(samples.size(), r.modelCalls());

      // the author sends nothing while the user classifies: the balance change is the fees alone
      long first = receipt(n, r.predictions().get(0).transaction()).getBlockNumber().longValueExact();
      long last = receipt(n, r.predictions().get(samples.size() - 1).transaction()).getBlockNumber().longValueExact();
      BigInteger gained = balance(n, author, last).subtract(balance(n, author, first - 1));
      assertTrue(gained.signum() > 0);
      assertEquals(gained, r.feePaid());
      assertEquals(gained, r.authorEarned());
    }
  }

  @Test
  void samplesMustPairWithLabels() throws Exception {
    Path model = modelWithSamples(dir.resolve("model"));
    Files.write(model.resolve(Samples.LABELS_FILE), Npy.write(Shape.of(3), new int[] {1, 2, 3}, 4));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> Samples.read(model));
    assertTrue(e.getMessage().contains("expected [N, ...] images and [N] labels"), e.getMessage());
    Files.delete(model.resolve(Samples.LABELS_FILE));
    e = assertThrows(InvalidInputException.class, () -> Samples.read(model));
    assertTrue(e.getMessage().contains("mrt quantize"), e.getMessage());
  }

  /**
   * A copy of the test MNIST model with two samples: its digit and the digit mirrored left to right (a second,
   * different input), labelled with the runtime's predictions.
   */
  private static Path modelWithSamples(Path target) throws Exception {
    Files.createDirectories(target);
    for (String f : List.of("symbol", "params")) {
      Files.copy(TestModels.mnist().resolve(f), target.resolve(f));
    }
    int[] digit = Npy.read(Files.readAllBytes(TestModels.mnist().resolve("data.npy"))).values();
    int[] both = new int[2 * 784];
    for (int y = 0; y < 28; y++) {
      for (int x = 0; x < 28; x++) {
        both[y * 28 + x] = digit[y * 28 + x];
        both[784 + y * 28 + x] = digit[y * 28 + 27 - x];
      }
    }
    Files.write(target.resolve(Samples.SAMPLES_FILE), Npy.write(Shape.of(2, 1, 28, 28), both, 1));
    Files.write(target.resolve(Samples.LABELS_FILE), Npy.write(Shape.of(2), new int[2], 4));
    Samples unlabelled = Samples.read(target);
    Files.write(target.resolve(Samples.LABELS_FILE), Npy.write(Shape.of(2),
        runtimePredictions(target, unlabelled), 4));
    return target;
  }

  /** The class the Java executor gives each sample: the first index of the largest output. */
  private static int[] runtimePredictions(Path model, Samples samples) throws Exception {
    int[] out = new int[samples.size()];
    try (Executor exec = new Executor(Model.load(model), 1)) {
      for (int i = 0; i < samples.size(); i++) {
        byte[] image = samples.images().get(i);
        int[] input = new int[image.length];
        for (int j = 0; j < image.length; j++) {
          input[j] = image[j];
        }
        int[] y = exec.run(input)[0];
        int best = 0;
        for (int k = 1; k < y.length; k++) {
          if (y[k] > y[best]) {
            best = k;
          }
        }
        out[i] = best;
      }
    }
    return out;
  }

  private static TransactionReceipt receipt(TestNode n, String hash) throws Exception {
    return n.rpc.web3j().ethGetTransactionReceipt(hash).send().getTransactionReceipt().orElseThrow();
  }

  private static BigInteger balance(TestNode n, Credentials who, long block) throws Exception {
    return n.rpc.web3j().ethGetBalance(who.getAddress(), DefaultBlockParameter.valueOf(BigInteger.valueOf(block)))
        .send().getBalance();
  }
}
