package org.cvmj.chain.rpc;

import static org.cvmj.chain.rpc.RpcMethod.optional;
import static org.cvmj.chain.rpc.RpcMethod.required;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.Optional;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.tx.CallRequest;

/**
 * The {@code eth_*} methods over a {@link NodeBackend}. A block parameter left out means {@code latest}. Unknown
 * transactions, receipts and blocks are {@code null}, as in geth.
 */
public final class EthMethods {
  /** geth's cap on {@code eth_feeHistory} block count. */
  public static final int MAX_FEE_HISTORY_BLOCKS = 1024;

  private final NodeBackend node;
  private final FilterTable filters;

  public EthMethods(NodeBackend node, FilterTable filters) {
    this.node = node;
    this.filters = filters;
  }

  public List<RpcMethod> methods() {
    return List.of(
        RpcMethod.of("eth_chainId", a -> EthJson.quantity(node.chainId())),
        RpcMethod.of("eth_blockNumber", a -> EthJson.quantity(node.blockNumber())),
        RpcMethod.of("eth_syncing", a -> EthJson.F.booleanNode(false)),
        RpcMethod.of("eth_accounts", a -> addresses(node.accounts())),
        RpcMethod.of("eth_getBalance",
            a -> EthJson.quantity(node.balance(a.get(0, Address.class), block(a, 1))),
            required("address", ParamType.ADDRESS), optional("block", ParamType.BLOCK)),
        RpcMethod.of("eth_getTransactionCount",
            a -> EthJson.quantity(node.nonce(a.get(0, Address.class), block(a, 1))),
            required("address", ParamType.ADDRESS), optional("block", ParamType.BLOCK)),
        RpcMethod.of("eth_getCode",
            a -> EthJson.data(node.code(a.get(0, Address.class), block(a, 1))),
            required("address", ParamType.ADDRESS), optional("block", ParamType.BLOCK)),
        RpcMethod.of("eth_getStorageAt",
            a -> EthJson.hash(node.storageAt(a.get(0, Address.class), a.get(1, Hash.class), block(a, 2))),
            required("address", ParamType.ADDRESS), required("slot", ParamType.STORAGE_SLOT),
            optional("block", ParamType.BLOCK)),
        RpcMethod.of("eth_call",
            a -> EthJson.data(node.call(a.get(0, CallRequest.class), block(a, 1))),
            required("transaction", ParamType.CALL), optional("block", ParamType.BLOCK)),
        RpcMethod.of("eth_estimateGas",
            a -> EthJson.quantity(node.estimateGas(a.get(0, CallRequest.class), block(a, 1))),
            required("transaction", ParamType.CALL), optional("block", ParamType.BLOCK)),
        RpcMethod.of("eth_gasPrice", a -> EthJson.quantity(node.gasPrice())),
        RpcMethod.of("eth_maxPriorityFeePerGas", a -> EthJson.quantity(node.maxPriorityFeePerGas())),
        RpcMethod.of("eth_feeHistory", this::feeHistory,
            required("blockCount", ParamType.LONG_HEX_OR_DECIMAL), required("newestBlock", ParamType.BLOCK_NUMBER),
            optional("rewardPercentiles", ParamType.PERCENTILES)),
        RpcMethod.of("eth_sendRawTransaction",
            a -> EthJson.hash(node.sendRawTransaction(a.get(0, byte[].class))),
            required("signedTransaction", ParamType.DATA)),
        RpcMethod.of("eth_sendTransaction", this::sendTransaction, required("transaction", ParamType.CALL)),
        RpcMethod.of("eth_getTransactionByHash",
            a -> orNull(node.transaction(a.get(0, Hash.class)).map(EthJson::transaction)),
            required("hash", ParamType.HASH)),
        RpcMethod.of("eth_getTransactionReceipt",
            a -> orNull(node.receipt(a.get(0, Hash.class)).map(EthJson::receipt)),
            required("hash", ParamType.HASH)),
        RpcMethod.of("eth_getBlockByNumber",
            a -> orNull(node.block(a.get(0, BlockSelector.class))
                .map(b -> EthJson.block(b, a.get(1, Boolean.class)))),
            required("block", ParamType.BLOCK_NUMBER), required("fullTransactions", ParamType.BOOLEAN)),
        RpcMethod.of("eth_getBlockByHash",
            a -> orNull(node.block(new BlockSelector.ByHash(a.get(0, Hash.class), false))
                .map(b -> EthJson.block(b, a.get(1, Boolean.class)))),
            required("hash", ParamType.HASH), required("fullTransactions", ParamType.BOOLEAN)),
        RpcMethod.of("eth_getLogs", a -> EthJson.logs(node.logs(a.get(0, LogFilter.class))),
            required("filter", ParamType.FILTER)),
        RpcMethod.of("eth_newFilter", a -> EthJson.F.textNode(filters.newLogFilter(a.get(0, LogFilter.class))),
            required("filter", ParamType.FILTER)),
        RpcMethod.of("eth_newBlockFilter", a -> EthJson.F.textNode(filters.newBlockFilter())),
        RpcMethod.of("eth_getFilterChanges", this::filterChanges, required("filterId", ParamType.FILTER_ID)),
        RpcMethod.of("eth_getFilterLogs",
            a -> EthJson.logs(filters.allLogs(a.get(0, String.class)).orElseThrow(EthMethods::filterNotFound)),
            required("filterId", ParamType.FILTER_ID)),
        RpcMethod.of("eth_uninstallFilter",
            a -> EthJson.F.booleanNode(filters.uninstall(a.get(0, String.class))),
            required("filterId", ParamType.FILTER_ID)));
  }

  private static BlockSelector block(RpcMethod.Args a, int i) {
    return a.getOr(i, BlockSelector.class, BlockSelector.LATEST);
  }

  private static JsonNode orNull(Optional<JsonNode> value) {
    return value.orElse(EthJson.F.nullNode());
  }

  private static ArrayNode addresses(List<Address> list) {
    ArrayNode a = EthJson.F.arrayNode();
    list.forEach(x -> a.add(EthJson.address(x)));
    return a;
  }

  private JsonNode feeHistory(RpcMethod.Args a) {
    long count = a.get(0, Long.class);
    if (count < 1 || count > MAX_FEE_HISTORY_BLOCKS) {
      throw RpcException.invalidParams("invalid argument 0 (blockCount): must be 1 to " + MAX_FEE_HISTORY_BLOCKS
          + ", got " + count);
    }
    double[] percentiles = a.getOr(2, double[].class, new double[0]);
    return EthJson.feeHistory(node.feeHistory((int) count, a.get(1, BlockSelector.class), percentiles));
  }

  private JsonNode sendTransaction(RpcMethod.Args a) {
    CallRequest request = a.get(0, CallRequest.class);
    if (request.from() == null) {
      throw RpcException.invalidParams("invalid argument 0 (transaction): field from is required");
    }
    return EthJson.hash(node.sendTransaction(request));
  }

  private JsonNode filterChanges(RpcMethod.Args a) {
    FilterTable.Changes changes = filters.changes(a.get(0, String.class)).orElseThrow(EthMethods::filterNotFound);
    if (changes instanceof FilterTable.BlockHashes b) {
      ArrayNode out = EthJson.F.arrayNode();
      b.hashes().forEach(h -> out.add(EthJson.hash(h)));
      return out;
    }
    return EthJson.logs(((FilterTable.Logs) changes).logs());
  }

  private static RpcException filterNotFound() {
    return RpcException.serverError("filter not found");
  }
}
