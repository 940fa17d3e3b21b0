package org.cvmj.chain.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.cvmj.chain.models.ModelChain.revertReason;

import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.cvmj.chain.chain.IncludedTransaction;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.evm.Log;
import org.cvmj.chain.evm.TransactionResult;
import org.cvmj.chain.evm.Word;
import org.cvmj.chain.sol.ContractArtifact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigitClassifierTest {
  private static final ContractArtifact CLASSIFIER = ContractArtifact.load("DigitClassifier");

  @TempDir
  Path dir;

  /** The runtime's argmax over the 10 int8 scores of the MNIST model for the test digit. */
  private static int expectedDigit() throws Exception {
    byte[] scores = InferPrecompileTest.runtimeOutput(ModelChain.MNIST_SYMBOL, ModelChain.MNIST_PARAMS,
        ModelChain.mnistDigit(), ByteOrder.BIG_ENDIAN);
    int best = 0;
    for (int i = 1; i < scores.length; i++) {
      if (scores[i] > scores[best]) {
        best = i;
      }
    }
    return best;
  }

  private static Address deploy(ModelChain c, Address model) throws Exception {
    IncludedTransaction t = c.send(0, null, 2_000_000, CLASSIFIER.deployData(model, 1));
    assertTrue(t.isSuccess(), revertReason(t.result()));
    return t.contractAddress();
  }

  @Test
  void classifiesTheDigitInATransactionAndInAView() throws Exception {
    int digit = expectedDigit();
    try (ModelChain c = new ModelChain(dir)) {
      Address model = c.readyMnist(0, 0);
      Address classifier = deploy(c, model);

      IncludedTransaction t = c.send(1, classifier, 5_000_000,
          CLASSIFIER.encodeCall("classify", ModelChain.mnistDigit()));
      assertTrue(t.isSuccess(), revertReason(t.result()));
      assertEquals(List.of(BigInteger.valueOf(digit)), CLASSIFIER.decodeOutput("classify", t.result().returnData()));
      Log event = t.result().logs().stream().filter(l -> l.address().equals(classifier)).findFirst().orElseThrow();
      assertEquals(Word.fromBytes(CLASSIFIER.eventTopic("Classified").bytes()), event.topics().get(0));
      assertEquals(Word.fromAddress(ModelChain.account(1)), event.topics().get(1));
      assertEquals(Word.of(digit), Word.fromBytes(event.data()));
      assertEquals(1, ModelChain.logs(t.result(), RegistryEvents.CALLED).size());

      TransactionResult view = c.call(2, classifier, CLASSIFIER.encodeCall("predict", ModelChain.mnistDigit()));
      assertTrue(view.isSuccess(), revertReason(view));
      assertEquals(List.of(BigInteger.valueOf(digit)), CLASSIFIER.decodeOutput("predict", view.returnData()));
      assertEquals(List.of(BigInteger.valueOf(digit)), CLASSIFIER.decodeOutput("lastDigit",
          c.call(2, classifier, CLASSIFIER.encodeCall("lastDigit")).returnData()));

      TransactionResult small = c.call(2, classifier, CLASSIFIER.encodeCall("predict", new byte[10]));
      assertEquals("DigitClassifier: an image is 28x28 = 784 int8 pixels", revertReason(small));
    }
  }

  @Test
  void aPaidModelWorksInTransactionsButNotInViews() throws Exception {
    int digit = expectedDigit();
    try (ModelChain c = new ModelChain(dir)) {
      Address model = c.readyMnist(0, 7_000);
      Address classifier = deploy(c, model);
      BigInteger before = c.chain.balance(ModelChain.account(0), c.chain.head().number());
      IncludedTransaction t = c.send(1, classifier, 5_000_000,
          CLASSIFIER.encodeCall("classify", ModelChain.mnistDigit()));
      assertTrue(t.isSuccess(), revertReason(t.result()));
      assertEquals(List.of(BigInteger.valueOf(digit)), CLASSIFIER.decodeOutput("classify", t.result().returnData()));
      BigInteger price = t.transaction().effectiveGasPrice(
          c.chain.blockByNumber(c.chain.head().number()).orElseThrow().header().baseFeePerGas());
      assertEquals(BigInteger.valueOf(7_000).multiply(price),
          c.chain.balance(ModelChain.account(0), c.chain.head().number()).subtract(before));

      TransactionResult view = c.call(2, classifier, CLASSIFIER.encodeCall("predict", ModelChain.mnistDigit()));
      assertFalse(view.isSuccess());
      assertEquals("infer: model " + model + " charges a fee of 7000 gas, which a static call (a view) cannot pay;"
          + " call it from a transaction with CALL", revertReason(view));
    }
  }
}
