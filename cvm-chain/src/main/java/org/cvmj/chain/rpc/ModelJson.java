package org.cvmj.chain.rpc;

import static org.cvmj.chain.rpc.EthJson.F;
import static org.cvmj.chain.rpc.EthJson.address;
import static org.cvmj.chain.rpc.EthJson.hash;
import static org.cvmj.chain.rpc.EthJson.quantity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.cvmj.chain.models.Inference;
import org.cvmj.chain.models.ModelFile;
import org.cvmj.chain.models.ModelLimits;
import org.cvmj.chain.models.ModelRecord;
import org.cvmj.chain.models.ModelStatus;

/**
 * The JSON shapes of the {@code cvm_*} methods, the one writer of a model as JSON. Every integer is a QUANTITY
 * and every byte string DATA, as in the {@code eth_*} methods; a value that does not exist yet (a model's ops,
 * ready block and input/output sizes before verification, a rejection reason of a model that was not rejected)
 * is {@code null}, so that every object has the same keys.
 */
public final class ModelJson {
  private ModelJson() {}

  /** A model as of block {@code blockNumber} ({@code cvm_getModel}, and each model of {@code cvm_listModels}). */
  public static ObjectNode model(ModelRecord m, long blockNumber) {
    boolean verified = m.status() == ModelStatus.READY;
    ObjectNode o = F.objectNode();
    o.set("address", address(m.address()));
    o.set("index", quantity(m.index()));
    o.set("author", address(m.author()));
    o.put("status", status(m.status()));
    o.set("rejection", m.status() == ModelStatus.REJECTED ? F.textNode(m.rejection()) : F.nullNode());
    o.put("description", m.description());
    o.set("symbolHash", hash(m.symbolHash()));
    o.set("symbolSize", quantity(m.symbolSize()));
    o.set("paramsHash", hash(m.paramsHash()));
    o.set("paramsSize", quantity(m.paramsSize()));
    o.set("inputShape", quantities(m.inputShape()));
    ModelRecord.ModelIo io = m.io();
    o.set("inputElementSize", io == null ? F.nullNode() : quantity(io.inputElementSize()));
    o.set("inputBytes", io == null ? F.nullNode() : quantity(io.inputBytes()));
    o.set("outputElementSize", io == null ? F.nullNode() : quantity(io.outputElementSize()));
    o.set("outputBytes", io == null ? F.nullNode() : quantity(io.outputBytes()));
    o.set("fee", quantity(m.fee()));
    o.set("ops", verified ? quantity(m.ops()) : F.nullNode());
    o.set("registeredBlock", quantity(m.registeredBlock()));
    o.set("readyBlock", verified ? quantity(m.readyBlock()) : F.nullNode());
    o.put("callable", m.callableAt(blockNumber));
    o.set("calls", quantity(m.calls()));
    o.set("earned", quantity(m.earned().toBigInteger()));
    o.set("chunksReceived", quantity(m.chunksReceived()));
    o.set("chunksTotal", quantity(m.chunksTotal()));
    return o;
  }

  public static ObjectNode model(ModelView v) {
    return model(v.model(), v.blockNumber());
  }

  /** {@code cvm_listModels}: {@code {total, offset, models: [model, ...]}}. */
  public static ObjectNode page(ModelPage p) {
    ObjectNode o = F.objectNode();
    o.set("total", quantity(p.total()));
    o.set("offset", quantity(p.offset()));
    ArrayNode models = o.putArray("models");
    p.models().forEach(m -> models.add(model(m, p.blockNumber())));
    return o;
  }

  /**
   * {@code cvm_getUploadProgress}: the model's status and chunk counts, and per file its hash, size, chunk count,
   * received count and the indexes of the missing chunks.
   */
  public static ObjectNode uploadProgress(UploadProgress u) {
    ModelRecord m = u.model();
    ObjectNode o = F.objectNode();
    o.set("model", address(m.address()));
    o.put("status", status(m.status()));
    o.set("rejection", m.status() == ModelStatus.REJECTED ? F.textNode(m.rejection()) : F.nullNode());
    o.set("chunkSize", quantity(ModelLimits.CHUNK_SIZE));
    o.set("chunksReceived", quantity(m.chunksReceived()));
    o.set("chunksTotal", quantity(m.chunksTotal()));
    for (ModelFile file : ModelFile.values()) {
      List<Integer> missing = u.missing(file);
      int chunks = ModelLimits.chunks(m.size(file));
      ObjectNode f = o.putObject(file.fileName());
      f.set("hash", hash(m.hash(file)));
      f.set("size", quantity(m.size(file)));
      f.set("chunks", quantity(chunks));
      f.set("received", quantity(chunks - missing.size()));
      ArrayNode indexes = f.putArray("missing");
      missing.forEach(i -> indexes.add(quantity(i)));
    }
    return o;
  }

  /** {@code cvm_getRewards}: {@code {author, earned, models: [{model, status, fee, calls, earned}, ...]}}. */
  public static ObjectNode rewards(AuthorRewards r) {
    ObjectNode o = F.objectNode();
    o.set("author", address(r.author()));
    o.set("earned", quantity(r.earned()));
    ArrayNode models = o.putArray("models");
    for (ModelRecord m : r.models()) {
      ObjectNode e = models.addObject();
      e.set("model", address(m.address()));
      e.put("status", status(m.status()));
      e.set("fee", quantity(m.fee()));
      e.set("calls", quantity(m.calls()));
      e.set("earned", quantity(m.earned().toBigInteger()));
    }
    return o;
  }

  /** {@code cvm_infer}: {@code {output, gas}}. */
  public static ObjectNode inference(Inference i) {
    ObjectNode o = F.objectNode();
    o.set("output", EthJson.data(i.output()));
    o.set("gas", quantity(i.gas()));
    return o;
  }

  /** {@code uploading}, {@code ready} or {@code rejected}. */
  static String status(ModelStatus s) {
    return s.name().toLowerCase(Locale.ROOT);
  }

  private static ArrayNode quantities(List<Long> values) {
    ArrayNode a = F.arrayNode();
    values.forEach(v -> a.add(quantity(v)));
    return a;
  }
}
