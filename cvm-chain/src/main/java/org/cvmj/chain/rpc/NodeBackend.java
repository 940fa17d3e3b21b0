package org.cvmj.chain.rpc;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.models.Inference;
import org.cvmj.chain.tx.CallRequest;

/**
 * What the JSON-RPC layer needs from a node: the chain implements this and the RPC methods ({@link EthMethods},
 * {@link NetMethods}, {@link Web3Methods}, {@link EvmDevMethods}, {@link CvmMethods}) call it. Parameters are
 * already decoded and validated. A failure a client should see is thrown as an {@link RpcException} (for example
 * {@link RpcException#headerNotFound()} for an unknown block in a state read, {@link RpcException#reverted} from
 * {@code call}/{@code estimateGas}, {@link RpcException#serverError} with geth's wording such as
 * {@code nonce too low} from {@code sendRawTransaction}); any other exception becomes -32603 internal error.
 * Implementations must be safe to call from several server threads at once.
 */
public interface NodeBackend {

  /** EIP-155 chain id ({@code eth_chainId}, and in decimal {@code net_version}). */
  long chainId();

  /** {@code web3_clientVersion}, e.g. {@code cvm-chain/v0.1.0/linux-amd64/java17}. */
  String clientVersion();

  /** The number of the latest block. */
  long blockNumber();

  /** Addresses the node can sign for ({@code eth_accounts}, senders for {@code eth_sendTransaction}). */
  List<Address> accounts();

  BigInteger balance(Address address, BlockSelector block);

  long nonce(Address address, BlockSelector block);

  byte[] code(Address address, BlockSelector block);

  /** The 32-byte value at {@code slot}. */
  Hash storageAt(Address address, Hash slot, BlockSelector block);

  /** Runs a message call without committing it; the return data, or {@link RpcException#reverted}. */
  byte[] call(CallRequest request, BlockSelector block);

  /** The gas the call needs to succeed, or {@link RpcException#reverted} / a server error. */
  long estimateGas(CallRequest request, BlockSelector block);

  /** Suggested legacy gas price (base fee plus suggested tip). */
  BigInteger gasPrice();

  /** Suggested EIP-1559 priority fee. */
  BigInteger maxPriorityFeePerGas();

  /**
   * Fee history of up to {@code blockCount} blocks ending at {@code newestBlock}; {@code rewardPercentiles} is
   * empty when the client asked for none (then {@link FeeHistory#reward()} is null). The RPC layer has checked
   * that {@code 1 <= blockCount <= 1024} and the percentiles are increasing within [0, 100].
   */
  FeeHistory feeHistory(int blockCount, BlockSelector newestBlock, double[] rewardPercentiles);

  /** Adds a signed, RLP (or EIP-2718 typed) encoded transaction to the pool; its hash. */
  Hash sendRawTransaction(byte[] signedTransaction);

  /** Signs with one of {@link #accounts()} (the {@code from}), fills defaults and submits; its hash. */
  Hash sendTransaction(CallRequest request);

  /** A mined or pending transaction, or empty when unknown. */
  Optional<TransactionView> transaction(Hash hash);

  /** The receipt of a mined transaction, or empty when unknown or still pending. */
  Optional<ReceiptView> receipt(Hash hash);

  /** The block, or empty when there is none (for a tag the backend resolves it, e.g. safe = latest on a dev chain). */
  Optional<BlockView> block(BlockSelector block);

  /** Logs in the filter's range (or block) that match it, in chain order; a server error for an unknown block hash. */
  List<LogView> logs(LogFilter filter);

  /** {@code evm_mine}: seals one block now, at {@code timestamp} when given. */
  void mine(OptionalLong timestamp);

  /** {@code evm_snapshot}: records the current state; an id for {@link #revert}. */
  long snapshot();

  /**
   * {@code evm_revert}: restores a snapshot, discarding blocks mined since it (the id and later ones are then used
   * up); false when the id is unknown.
   */
  boolean revert(long snapshotId);

  /** {@code evm_increaseTime}: moves the clock of future blocks forward; the total offset now, in seconds. */
  long increaseTime(long seconds);

  // ---- the model registry (cvm_*), each read from the state after the selected block ----

  /** {@code cvm_getModel}: the model at {@code model}, or empty when no model is registered there. */
  Optional<ModelView> model(Address model, BlockSelector block);

  /**
   * {@code cvm_listModels}: up to {@code limit} models after the first {@code offset}, in registration order, and
   * how many there are. The RPC layer has checked {@code 1 <= limit <=} {@link CvmMethods#MAX_LIST_MODELS}.
   */
  ModelPage models(long offset, int limit, BlockSelector block);

  /** {@code cvm_getUploadProgress}: which chunks of the model's files are missing, or empty for no model. */
  Optional<UploadProgress> uploadProgress(Address model, BlockSelector block);

  /** {@code cvm_getRewards}: what {@code author} has earned, in total and per model (none: zero, no models). */
  AuthorRewards rewards(Address author, BlockSelector block);

  /**
   * {@code cvm_infer}: runs the model off chain as an {@code eth_call} of the {@code infer} precompile at the block
   * would, charging and counting nothing; when the precompile would refuse, {@link RpcException#reverted} with its
   * revert data, exactly as that eth_call fails.
   */
  Inference infer(Address model, byte[] input, BlockSelector block);
}
