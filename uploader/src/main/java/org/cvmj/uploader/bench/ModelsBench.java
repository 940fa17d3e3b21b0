package org.cvmj.uploader.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cvmj.chain.models.SystemAddresses;
import org.cvmj.uploader.InvalidInputException;
import org.cvmj.uploader.NodeException;
import org.cvmj.uploader.chain.ModelInfo;
import org.cvmj.uploader.chain.ModelStatus;
import org.cvmj.uploader.chain.Registry;
import org.cvmj.uploader.chain.Rpc;
import org.cvmj.uploader.contracts.DigitClassifier;
import org.cvmj.uploader.model.ModelFiles;
import org.cvmj.uploader.model.ModelUpload;
import org.cvmj.uploader.upload.UploadListener;
import org.cvmj.uploader.upload.UploadOptions;
import org.cvmj.uploader.upload.UploadResult;
import org.cvmj.uploader.upload.Uploader;
import org.cvmj.uploader.wallet.DevKeys;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.utils.Numeric;

/**
 * {@code upload bench}: models on chain through the JSON-RPC, as clients see them. Dev account 0 uploads the MNIST
 * model; dev account 1 deploys {@code DigitClassifier} for it and sends the infer workloads:
 * <ul>
 *   <li>{@code DigitClassifier.classify} with a distinct input per call (the node's result cache never hits): the
 *       realistic figure, a contract that calls the {@code infer} precompile;
 *   <li>the same with one input repeated (every call after the first is a cache hit);
 *   <li>transactions to the precompile itself, distinct inputs (no contract around it);
 * </ul>
 * interleaved round after round, then the upload rounds ({@link UploadBench}). One client sends one request at a
 * time, so each rate is the inverse of the node's whole latency per transaction, not a capacity under concurrent
 * load.
 */
public final class ModelsBench {
  /** The infer precompile. */
  public static final String INFER = SystemAddresses.INFER.toHex();
  private static final long DEPLOY_GAS = 2_000_000;
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private ModelsBench() {}

  /**
   * Runs everything against the node behind {@code rpc} (dev accounts 0 and 1 funded, {@code evm_mine} offered),
   * with the MNIST model of {@code mnistDir}; the upload rounds write their models under {@code workDir}. Prints a
   * line per round to {@code progress}.
   */
  public static BenchReport run(Rpc rpc, String target, Path mnistDir, BenchSettings settings, Path workDir,
      PrintWriter progress) throws IOException, InvalidInputException {
    ModelUpload mnist = ModelUpload.prepare(ModelFiles.read(mnistDir), Optional.empty(), settings.fee(),
        "upload bench: mnist", true);
    int inputBytes = (int) mnist.shape().dims().stream().mapToLong(Long::longValue).reduce(1, (a, b) -> a * b);
    if (inputBytes != 784) {
      throw new InvalidInputException(mnistDir + " takes " + inputBytes + " input values; the benchmark classifies"
          + " 28x28 digits (784), as `mrt quantize model_zoo/mnist.ini` makes them");
    }
    DigitInputs inputs = DigitInputs.read(mnistDir, inputBytes);
    UploadBench uploads = new UploadBench(rpc, DevKeys.credentials(0), settings, progress);
    Credentials author = DevKeys.credentials(0);
    UploadResult up = new Uploader(rpc, author, UploadOptions.defaults().withTimeout(TIMEOUT))
        .upload(mnist, UploadListener.NONE);
    if (up.status() != ModelStatus.READY) {
      throw new InvalidInputException("the chain rejected the MNIST model " + up.model() + ": " + up.reason());
    }
    String model = up.model();
    progress.printf("MNIST model %s uploaded: %d chunks, %d transactions, %s gas%n", model, up.chunksTotal(),
        up.transactions(), up.gasUsed());
    Registry registry = new Registry(rpc);
    Transactions transactions = new Transactions(rpc, TIMEOUT);
    PreSigner user = PreSigner.open(rpc, DevKeys.credentials(1));
    String classifier = deployClassifier(transactions, user, model, registry.outputElementSize(model));
    ModelInfo info = registry.info(model);
    while (rpc.blockNumber() < info.readyBlock()) {
      rpc.mineDevBlock(); // maturity counts blocks; a dev node makes them on request
    }
    long precompileGas = inferGas(rpc, model, inputs.same());
    progress.printf("DigitClassifier %s deployed; the model is callable; the precompile charges %d gas a call%n",
        classifier, precompileGas);
    progress.flush();

    InferBench bench = new InferBench(transactions, user, settings, progress);
    long classifyGas = estimate(rpc, user.address(), classifier, classify(inputs.same()));
    long directGas = estimate(rpc, user.address(), INFER, infer(model, inputs.same()));
    List<InferResult> results = bench.run(List.of(
        new InferWorkload("DigitClassifier.classify, distinct inputs", classifier, classifyGas,
            () -> classify(inputs.next())),
        new InferWorkload("DigitClassifier.classify, one input (cached)", classifier, classifyGas,
            () -> classify(inputs.same())),
        new InferWorkload("infer precompile called directly, distinct inputs", INFER, directGas,
            () -> infer(model, inputs.next()))));
    UploadThroughput upload = uploads.run(workDir);
    return new BenchReport(target, settings, model, mnist.files().totalBytes(), precompileGas, results, upload);
  }

  private static String deployClassifier(Transactions transactions, PreSigner user, String model, int elementSize)
      throws NodeException {
    String data = DigitClassifier.BINARY + FunctionEncoder.encodeConstructor(List.of(new Address(model),
        new Uint8(elementSize)));
    PreSigner.Signed tx = user.sign(null, data, DEPLOY_GAS);
    transactions.sendAll(List.of(tx));
    return transactions.await(tx).getContractAddress();
  }

  private static String classify(byte[] image) {
    return FunctionEncoder.encode(new Function("classify", List.of(new DynamicBytes(image)), List.of()));
  }

  private static String infer(String model, byte[] input) {
    return FunctionEncoder.encode(new Function("infer", List.of(new Address(model), new DynamicBytes(input)),
        List.of()));
  }

  /** {@code eth_estimateGas} with a fifth on top: inputs with fewer zero bytes cost a little more call data gas. */
  private static long estimate(Rpc rpc, String from, String to, String data) throws NodeException {
    BigInteger gas = rpc.send(rpc.web3j().ethEstimateGas(Transaction.createFunctionCallTransaction(from, null, null,
        null, to, data)), "eth_estimateGas").getAmountUsed();
    return gas.longValueExact() * 6 / 5;
  }

  /** What the precompile charges for one call, from the node's {@code cvm_infer}. */
  private static long inferGas(Rpc rpc, String model, byte[] input) throws NodeException {
    InferAnswer answer = rpc.send(rpc.request("cvm_infer", List.of(model, Numeric.toHexString(input)),
        InferAnswer.class), "cvm_infer");
    Object gas = answer.getResult() == null ? null : answer.getResult().get("gas");
    if (gas == null) {
      throw new NodeException("cvm_infer answered without gas: " + answer.getResult());
    }
    return Numeric.decodeQuantity(gas.toString()).longValueExact();
  }

  /** The answer of {@code cvm_infer}: {@code {output, gas}}. */
  public static final class InferAnswer extends Response<Map<String, Object>> {}
}
