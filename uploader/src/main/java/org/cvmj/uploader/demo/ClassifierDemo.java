package org.cvmj.uploader.demo;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.cvmj.uploader.InvalidInputException;
import org.cvmj.uploader.NodeException;
import org.cvmj.uploader.chain.ModelInfo;
import org.cvmj.uploader.chain.ModelStatus;
import org.cvmj.uploader.chain.Registry;
import org.cvmj.uploader.chain.Rpc;
import org.cvmj.uploader.contracts.DigitClassifier;
import org.cvmj.uploader.model.ModelUpload;
import org.cvmj.uploader.upload.UploadListener;
import org.cvmj.uploader.upload.UploadOptions;
import org.cvmj.uploader.upload.UploadResult;
import org.cvmj.uploader.upload.Uploader;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.RemoteCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticEIP1559GasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;

/**
 * The platform's main flow on one chain: an author uploads a model; a user deploys {@code DigitClassifier} for it
 * and classifies images in transactions, each paying the author's fee; the registry's counters show what the author
 * earned. {@code upload demo} prints it; the tests check it.
 */
public final class ClassifierDemo {
  /** Gas limit of a deployment or a {@code classify} transaction; an MNIST call uses about a fifth of it. */
  static final BigInteger GAS_LIMIT = BigInteger.valueOf(3_000_000);

  /** Hears the demo's steps, in order. */
  public interface Listener {
    default void uploaded(UploadResult result) {}

    default void deployed(String classifier) {}

    default void classified(Prediction prediction) {}
  }

  private ClassifierDemo() {}

  /**
   * Uploads {@code model} as {@code author} (resuming an unfinished upload of the same files), then as {@code user}
   * deploys a classifier and classifies every image of {@code samples}, one transaction each.
   */
  public static DemoResult run(Rpc rpc, Credentials author, Credentials user, ModelUpload model, Samples samples,
      UploadOptions options, UploadListener progress, Listener listener) throws IOException, InvalidInputException {
    UploadResult upload = new Uploader(rpc, author, options.withWaitForVerdict(true)).upload(model, progress);
    if (upload.status() != ModelStatus.READY) {
      throw new InvalidInputException("the chain rejected model " + upload.model() + ": " + upload.reason());
    }
    listener.uploaded(upload);
    Registry registry = new Registry(rpc);
    long chainId = rpc.chainId();
    BigInteger tip = rpc.priorityFee();
    // twice the current base fee: room for it to rise while the demo runs; unused fee cap is never charged
    StaticEIP1559GasProvider gas = new StaticEIP1559GasProvider(chainId,
        rpc.baseFee().shiftLeft(1).add(tip), tip, GAS_LIMIT);
    RawTransactionManager sender = new RawTransactionManager(rpc.web3j(), user, chainId,
        new PollingTransactionReceiptProcessor(rpc.web3j(), 50, (int) (options.timeout().toMillis() / 50)));
    DigitClassifier classifier = send(rpc, "deploying DigitClassifier", DigitClassifier.deploy(rpc.web3j(), sender,
        gas, upload.model(), BigInteger.valueOf(registry.outputElementSize(upload.model()))));
    listener.deployed(classifier.getContractAddress());

    ModelInfo info = registry.info(upload.model());
    while (rpc.blockNumber() + 1 < info.readyBlock()) {
      rpc.mineDevBlock(); // maturity counts blocks; a dev node makes them on request
    }
    List<Prediction> predictions = new ArrayList<>();
    BigInteger feePaid = BigInteger.ZERO;
    for (int i = 0; i < samples.size(); i++) {
      TransactionReceipt r = send(rpc, "classifying image " + i, classifier.classify(samples.images().get(i)));
      List<DigitClassifier.ClassifiedEventResponse> events = DigitClassifier.getClassifiedEvents(r);
      if (events.size() != 1) {
        throw new NodeException("the classify transaction " + r.getTransactionHash() + " logged " + events.size()
            + " Classified events, expected 1");
      }
      Prediction p = new Prediction(i, samples.labels()[i], events.get(0).digit.longValueExact(),
          r.getTransactionHash(), r.getGasUsed().longValueExact());
      predictions.add(p);
      feePaid = feePaid.add(BigInteger.valueOf(info.fee()).multiply(Numeric.decodeQuantity(
          r.getEffectiveGasPrice())));
      listener.classified(p);
    }
    ModelInfo after = registry.info(upload.model());
    return new DemoResult(upload, classifier.getContractAddress(), predictions, feePaid,
        registry.authorEarned(author.getAddress()), after.calls());
  }

  /** Sends a web3j call, turning its failures into the uploader's two kinds: the node's, or a revert's reason. */
  private static <T> T send(Rpc rpc, String what, RemoteCall<T> call) throws NodeException {
    try {
      return call.send();
    } catch (TransactionException e) {
      throw new NodeException(what + " failed on chain: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new NodeException("the node at " + rpc.url() + " failed while " + what + ": " + e.getMessage(), e);
    } catch (Exception e) {
      // web3j's RemoteCall declares Exception
      throw new NodeException(what + " failed: " + e, e);
    }
  }
}
