package org.cvmj.uploader.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.cvmj.chain.models.SystemAddresses;
import org.cvmj.uploader.InvalidInputException;
import org.cvmj.uploader.NodeException;
import org.cvmj.uploader.contracts.IModelRegistry;
import org.cvmj.uploader.model.Chunk;
import org.cvmj.uploader.model.InputShape;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.exceptions.ClientConnectionException;
import org.web3j.tuples.generated.Tuple5;
import org.web3j.tuples.generated.Tuple6;
import org.web3j.tuples.generated.Tuple7;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.exceptions.ContractCallException;
import org.web3j.tx.gas.StaticGasProvider;

/**
 * The model registry's view functions through {@code eth_call} (the generated {@link IModelRegistry} wrapper), as
 * plain records. They work on any node that runs the registry, with no {@code cvm_*} RPC. A view the registry
 * reverts (an unknown model) is an {@link InvalidInputException} with its reason.
 */
public final class Registry {
  /** The registry's fixed address. */
  public static final String ADDRESS = SystemAddresses.REGISTRY.toHex();

  private final Rpc rpc;
  private final IModelRegistry contract;

  public Registry(Rpc rpc) {
    this.rpc = rpc;
    // views need no key; the zero address is a valid eth_call sender on every node
    this.contract = IModelRegistry.load(ADDRESS, rpc.web3j(),
        new ReadonlyTransactionManager(rpc.web3j(), "0x0000000000000000000000000000000000000000"),
        new StaticGasProvider(BigInteger.ZERO, BigInteger.ZERO));
  }

  /** The generated wrapper, for encoding transactions. */
  public IModelRegistry contract() {
    return contract;
  }

  public long modelCount() throws NodeException, InvalidInputException {
    return view("modelCount", contract.modelCount()).longValueExact();
  }

  /** The {@code index}-th model, from 1. */
  public String modelAt(long index) throws NodeException, InvalidInputException {
    return view("modelAt", contract.modelAt(BigInteger.valueOf(index)));
  }

  public ModelInfo info(String model) throws NodeException, InvalidInputException {
    Tuple7<String, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger> t =
        view("modelInfo", contract.modelInfo(model));
    return new ModelInfo(t.component1(), ModelStatus.of(t.component2().intValueExact()),
        t.component3().longValueExact(), t.component4().longValueExact(), t.component5().longValueExact(),
        t.component6().longValueExact(), t.component7());
  }

  public FileInfo files(String model) throws NodeException, InvalidInputException {
    Tuple6<byte[], BigInteger, byte[], BigInteger, BigInteger, BigInteger> t =
        view("modelFiles", contract.modelFiles(model));
    return new FileInfo(t.component1(), t.component2().longValueExact(), t.component3(),
        t.component4().longValueExact(), t.component5().intValueExact(), t.component6().intValueExact());
  }

  /** The registered input shape. */
  public InputShape inputShape(String model) throws NodeException, InvalidInputException {
    Tuple5<List<BigInteger>, BigInteger, BigInteger, BigInteger, BigInteger> t = view("modelIO",
        contract.modelIO(model));
    List<Long> dims = new ArrayList<>();
    for (BigInteger d : t.component1()) {
      dims.add(d.longValueExact());
    }
    return new InputShape(dims);
  }

  /** Bytes per output element: 1 (int8) or 4 (int32, big-endian on chain). */
  public int outputElementSize(String model) throws NodeException, InvalidInputException {
    return view("modelIO", contract.modelIO(model)).component4().intValueExact();
  }

  public String description(String model) throws NodeException, InvalidInputException {
    return view("description", contract.description(model));
  }

  /** Why the model was rejected; empty unless it was. */
  public String rejection(String model) throws NodeException, InvalidInputException {
    return view("rejection", contract.rejection(model));
  }

  /** Whether the registry holds {@code chunk} of {@code model} (its hash is non-zero). */
  public boolean received(String model, Chunk chunk) throws NodeException, InvalidInputException {
    byte[] h = view("chunkHash", contract.chunkHash(model, BigInteger.valueOf(chunk.file().id()),
        BigInteger.valueOf(chunk.index())));
    return new BigInteger(1, h).signum() != 0;
  }

  /** Wei earned by {@code author} from all their models. */
  public BigInteger authorEarned(String author) throws NodeException, InvalidInputException {
    return view("authorEarned", contract.authorEarned(author));
  }

  private <T> T view(String what, RemoteFunctionCall<T> call) throws NodeException, InvalidInputException {
    try {
      return call.send();
    } catch (ContractCallException e) {
      throw new InvalidInputException(revertReason(e.getMessage()), e);
    } catch (IOException | ClientConnectionException e) {
      throw rpc.unreachable(e);
    } catch (Exception e) {
      // web3j's RemoteCall declares Exception; anything else is a malformed answer from the node
      throw new NodeException("the node at " + rpc.url() + " gave an unusable answer to " + what + ": " + e, e);
    }
  }

  /** The registry's reason out of web3j's "reverted by the EVM with the reason: '...'" wrapping. */
  static String revertReason(String message) {
    String m = message == null ? "" : message;
    int start = m.indexOf('\'');
    int end = m.lastIndexOf('\'');
    String reason = start >= 0 && end > start ? m.substring(start + 1, end) : m;
    return reason.startsWith("execution reverted: ") ? reason.substring("execution reverted: ".length()) : reason;
  }
}
