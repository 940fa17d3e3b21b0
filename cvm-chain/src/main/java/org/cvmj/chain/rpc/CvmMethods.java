package org.cvmj.chain.rpc;

import static org.cvmj.chain.rpc.RpcMethod.optional;
import static org.cvmj.chain.rpc.RpcMethod.required;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.cvmj.chain.crypto.Address;

/**
 * The {@code cvm_*} methods over a {@link NodeBackend}: the model registry, upload progress, authors' rewards and
 * off-chain inference, which have no Ethereum equivalent (docs/models-on-chain.md, "cvm_ JSON-RPC"). Each takes
 * an optional block parameter right after its required ones, parsed as {@code eth_*} parse it (a tag, a number,
 * or an EIP-1898 object); left out, it means {@code latest}. An address with no model is {@code null}, as an
 * unknown transaction is in {@code eth_getTransactionByHash}; {@code cvm_infer} instead fails exactly as an
 * {@code eth_call} of the {@code infer} precompile would (code 3, {@code execution reverted: infer: ...}).
 */
public final class CvmMethods {
  /** The most models one {@code cvm_listModels} returns, and how many it returns when no limit is given. */
  public static final int MAX_LIST_MODELS = 100;

  private final NodeBackend node;

  public CvmMethods(NodeBackend node) {
    this.node = node;
  }

  public List<RpcMethod> methods() {
    return List.of(
        RpcMethod.of("cvm_getModel",
            a -> orNull(node.model(a.get(0, Address.class), block(a, 1)).map(ModelJson::model)),
            required("address", ParamType.ADDRESS), optional("block", ParamType.BLOCK)),
        RpcMethod.of("cvm_listModels", this::listModels,
            optional("block", ParamType.BLOCK), optional("offset", ParamType.LONG_HEX_OR_DECIMAL),
            optional("limit", ParamType.LONG_HEX_OR_DECIMAL)),
        RpcMethod.of("cvm_getUploadProgress",
            a -> orNull(node.uploadProgress(a.get(0, Address.class), block(a, 1)).map(ModelJson::uploadProgress)),
            required("address", ParamType.ADDRESS), optional("block", ParamType.BLOCK)),
        RpcMethod.of("cvm_getRewards",
            a -> ModelJson.rewards(node.rewards(a.get(0, Address.class), block(a, 1))),
            required("author", ParamType.ADDRESS), optional("block", ParamType.BLOCK)),
        RpcMethod.of("cvm_infer",
            a -> ModelJson.inference(node.infer(a.get(0, Address.class), a.get(1, byte[].class), block(a, 2))),
            required("model", ParamType.ADDRESS), required("input", ParamType.DATA),
            optional("block", ParamType.BLOCK)));
  }

  private JsonNode listModels(RpcMethod.Args a) {
    long offset = a.getOr(1, Long.class, 0L);
    long limit = a.getOr(2, Long.class, (long) MAX_LIST_MODELS);
    if (limit < 1 || limit > MAX_LIST_MODELS) {
      throw RpcException.invalidParams("invalid argument 2 (limit): must be 1 to " + MAX_LIST_MODELS + ", got "
          + limit);
    }
    return ModelJson.page(node.models(offset, (int) limit, block(a, 0)));
  }

  private static BlockSelector block(RpcMethod.Args a, int i) {
    return a.getOr(i, BlockSelector.class, BlockSelector.LATEST);
  }

  private static JsonNode orNull(java.util.Optional<? extends JsonNode> value) {
    return value.isPresent() ? value.get() : EthJson.F.nullNode();
  }
}
