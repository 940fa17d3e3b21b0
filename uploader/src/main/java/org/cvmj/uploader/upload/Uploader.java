package org.cvmj.uploader.upload;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.cvmj.uploader.InvalidInputException;
import org.cvmj.uploader.NodeException;
import org.cvmj.uploader.chain.ChunkGas;
import org.cvmj.uploader.chain.FileInfo;
import org.cvmj.uploader.chain.ModelInfo;
import org.cvmj.uploader.chain.ModelStatus;
import org.cvmj.uploader.chain.Registry;
import org.cvmj.uploader.chain.Rpc;
import org.cvmj.uploader.chain.Signer;
import org.cvmj.uploader.contracts.IModelRegistry;
import org.cvmj.uploader.model.Chunk;
import org.cvmj.chain.models.ModelFile;
import org.cvmj.uploader.model.ModelFiles;
import org.cvmj.uploader.model.ModelUpload;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Registers a model and uploads its files, or continues an unfinished upload of the same model by the same author.
 *
 * <p>Resume needs no local state: the chain is the record. A registration is continued when its author is the
 * signer, it is still uploading, and it declares exactly what this run would register (both files' hashes and
 * sizes, the input shape, the fee and the description); changed files (or fee, or description) make a new
 * registration. Only chunks whose {@code chunkHash} is zero are sent. Chunk transactions go out with consecutive
 * nonces, up to {@link UploadOptions#window()} ahead of their receipts.
 */
public final class Uploader {
  private final Rpc rpc;
  private final Registry registry;
  private final Credentials credentials;
  private final UploadOptions options;

  public Uploader(Rpc rpc, Credentials credentials, UploadOptions options) {
    this.rpc = rpc;
    this.registry = new Registry(rpc);
    this.credentials = credentials;
    this.options = options;
  }

  /** Runs the upload to the end that {@link UploadOptions} asks for. */
  public UploadResult upload(ModelUpload m, UploadListener listener) throws NodeException, InvalidInputException {
    Signer signer = Signer.open(rpc, credentials, options.poll(), options.timeout());
    Run run = new Run(signer, listener);
    Optional<String> existing = findResumable(m);
    String model;
    if (existing.isPresent()) {
      model = existing.get();
      FileInfo f = registry.files(model);
      listener.resumed(model, f.chunksReceived(), f.chunksTotal());
    } else {
      model = run.register(m);
      listener.registered(model);
    }
    List<Chunk> missing = new ArrayList<>();
    for (Chunk c : m.files().chunks()) {
      if (!registry.received(model, c)) {
        missing.add(c);
      }
    }
    int total = m.files().chunks().size();
    List<Chunk> plan = options.maxChunks() > 0 && missing.size() > options.maxChunks()
        ? missing.subList(0, options.maxChunks()) : missing;
    boolean complete = plan.size() == missing.size();
    listener.plan(plan.size(), total - missing.size(), total);
    run.sendChunks(model, m.files(), plan, total - missing.size(), total);
    UploadResult result = finish(model, run, existing.isPresent(), complete);
    if (result.status() != ModelStatus.UPLOADING) {
      listener.verdict(result);
    }
    return result;
  }

  /**
   * The newest registration by this signer that is still uploading and declares exactly {@code m}, if any. It scans
   * {@code modelAt} from the newest model down, so it works on any node (no log index, no {@code cvm_*} methods).
   */
  public Optional<String> findResumable(ModelUpload m) throws NodeException, InvalidInputException {
    ModelFiles f = m.files();
    byte[] symbolHash = f.hash(ModelFile.SYMBOL);
    byte[] paramsHash = f.hash(ModelFile.PARAMS);
    for (long i = registry.modelCount(); i >= 1; i--) {
      String model = registry.modelAt(i);
      ModelInfo info = registry.info(model);
      if (!info.author().equalsIgnoreCase(credentials.getAddress()) || info.status() != ModelStatus.UPLOADING
          || info.fee() != m.fee()) {
        continue;
      }
      if (registry.files(model).declares(symbolHash, f.symbol().length, paramsHash, f.params().length)
          && registry.inputShape(model).equals(m.shape()) && registry.description(model).equals(m.description())) {
        return Optional.of(model);
      }
    }
    return Optional.empty();
  }

  private UploadResult finish(String model, Run run, boolean resumed, boolean complete)
      throws NodeException, InvalidInputException {
    ModelInfo info = registry.info(model);
    if (complete && options.waitForVerdict()) {
      // the verdict is normally in the last chunk's receipt; a chunk still pending from an earlier run delays it
      long deadline = System.nanoTime() + options.timeout().toNanos();
      while (info.status() == ModelStatus.UPLOADING) {
        if (System.nanoTime() - deadline > 0) {
          throw new NodeException("model " + model + " is still uploading after " + options.timeout().toSeconds()
              + " s although every chunk was sent; check it with `upload status " + model + "`");
        }
        Rpc.pause(options.poll());
        info = registry.info(model);
      }
      if (info.status() == ModelStatus.READY && options.waitCallable()) {
        while (rpc.blockNumber() < info.readyBlock()) {
          if (System.nanoTime() - deadline > 0) {
            throw new NodeException("model " + model + " is ready but not callable before block "
                + info.readyBlock() + "; the chain did not get there within " + options.timeout().toSeconds() + " s");
          }
          Rpc.pause(options.poll());
        }
      }
    }
    FileInfo files = registry.files(model);
    String reason = info.status() == ModelStatus.REJECTED ? registry.rejection(model) : "";
    long readyBlock = info.status() == ModelStatus.READY ? info.readyBlock() : 0;
    return new UploadResult(model, info.status(), reason, resumed, run.chunksSent, files.chunksReceived(),
        files.chunksTotal(), run.transactions, run.gasUsed, readyBlock, rpc.blockNumber());
  }

  /** A chunk transaction sent and not yet confirmed. */
  private record InFlight(Chunk chunk, String hash, String data) {}

  /** The transactions of one run, and what they cost. */
  private final class Run {
    private final Signer signer;
    private final UploadListener listener;
    int transactions;
    int chunksSent;
    BigInteger gasUsed = BigInteger.ZERO;

    Run(Signer signer, UploadListener listener) {
      this.signer = signer;
      this.listener = listener;
    }

    String register(ModelUpload m) throws NodeException, InvalidInputException {
      List<BigInteger> shape = new ArrayList<>();
      for (long d : m.shape().dims()) {
        shape.add(BigInteger.valueOf(d));
      }
      ModelFiles f = m.files();
      String data = registry.contract().register(f.hash(ModelFile.SYMBOL), BigInteger.valueOf(f.symbol().length),
          f.hash(ModelFile.PARAMS), BigInteger.valueOf(f.params().length), shape, BigInteger.valueOf(m.fee()),
          m.description()).encodeFunctionCall();
      // the estimate doubles as a dry run: the registry's refusal arrives here, before anything is paid
      long gas = signer.estimate(Registry.ADDRESS, data, "register") * 6 / 5;
      String hash = signer.send(Registry.ADDRESS, data, gas, "register");
      transactions++;
      TransactionReceipt r = signer.await(hash, Registry.ADDRESS, data, "register");
      gasUsed = gasUsed.add(r.getGasUsed());
      List<IModelRegistry.RegisteredEventResponse> events = IModelRegistry.getRegisteredEvents(r);
      if (events.size() != 1) {
        throw new NodeException("register transaction " + hash + " logged " + events.size()
            + " Registered events, expected 1");
      }
      return events.get(0).model;
    }

    void sendChunks(String model, ModelFiles files, List<Chunk> plan, int received, int total)
        throws NodeException, InvalidInputException {
      Deque<InFlight> inFlight = new ArrayDeque<>();
      int done = received;
      for (int i = 0; i < plan.size(); i++) {
        Chunk c = plan.get(i);
        byte[] bytes = files.chunk(c);
        String data = registry.contract().uploadChunk(model, BigInteger.valueOf(c.file().id()),
            BigInteger.valueOf(c.index()), bytes).encodeFunctionCall();
        long gas = ChunkGas.limit(bytes.length);
        if (inFlight.size() >= options.window()) {
          done = confirm(inFlight.removeFirst(), done, total);
        }
        inFlight.addLast(new InFlight(c, signer.send(Registry.ADDRESS, data, gas, c.toString()), data));
        transactions++;
        chunksSent++;
      }
      if (!options.waitForVerdict()) {
        return;
      }
      while (!inFlight.isEmpty()) {
        done = confirm(inFlight.removeFirst(), done, total);
      }
    }

    /** Waits for one chunk's receipt; returns the chunks on chain after it. */
    private int confirm(InFlight p, int done, int total) throws NodeException, InvalidInputException {
      TransactionReceipt r = signer.await(p.hash(), Registry.ADDRESS, p.data(), "upload of " + p.chunk());
      gasUsed = gasUsed.add(r.getGasUsed());
      List<IModelRegistry.UploadProgressEventResponse> progress = IModelRegistry.getUploadProgressEvents(r);
      // no event: the chunk was already there (sent by an earlier run that had not been mined when this one began)
      int now = progress.isEmpty() ? done : progress.get(0).received.intValueExact();
      listener.chunkConfirmed(p.chunk(), now, total);
      return now;
    }
  }
}
