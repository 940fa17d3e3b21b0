package org.cvmj.uploader;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cvmj.chain.chain.Chain;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.models.ModelFile;
import org.cvmj.chain.models.ModelRecord;
import org.cvmj.chain.models.ModelRegistryView;
import org.cvmj.chain.node.LocalNode;
import org.cvmj.uploader.chain.Rpc;
import org.cvmj.uploader.wallet.DevKeys;

/**
 * An in-process dev node (automine, free ports, a temp data directory) with an uploader {@link Rpc} to it, and
 * direct reads of the chain's own state for assertions.
 */
public final class TestNode implements AutoCloseable {
  public final LocalNode node;
  public final Rpc rpc;

  private TestNode(LocalNode node, Rpc rpc) {
    this.node = node;
    this.rpc = rpc;
  }

  public static TestNode start(Path dataDir) throws Exception {
    return start(LocalNode.Settings.dev(dataDir).withPort(0));
  }

  /** A node that makes a block every {@code seconds}, instead of one per transaction. */
  public static TestNode withBlockTime(Path dataDir, long seconds) throws Exception {
    return start(LocalNode.Settings.dev(dataDir).withPort(0).withBlockTime(seconds));
  }

  private static TestNode start(LocalNode.Settings settings) throws Exception {
    LocalNode node = LocalNode.start(settings);
    return new TestNode(node, Rpc.connect(node.url()));
  }

  public String url() {
    return node.url();
  }

  public Chain chain() {
    return node.node().chain();
  }

  public ModelRegistryView registry() throws Exception {
    return chain().modelRegistry(chain().head().number());
  }

  public ModelRecord record(String model) throws Exception {
    return registry().model(Address.fromHex(model)).orElseThrow(() -> new AssertionError("no model " + model));
  }

  /** The nonce of dev account {@code index} in the latest block. */
  public BigInteger nonce(int index) throws Exception {
    return rpc.pendingNonce(DevKeys.credentials(index).getAddress());
  }

  /** The bytes of {@code file} (0 symbol, 1 params) as the node stored them: its chunks from the blob store. */
  public byte[] storedFile(String model, int file) throws Exception {
    org.cvmj.chain.models.ModelFile f = org.cvmj.chain.models.ModelFile.values()[file];
    ModelRecord r = record(model);
    long size = file == 0 ? r.symbolSize() : r.paramsSize();
    List<byte[]> parts = new ArrayList<>();
    int total = 0;
    for (int i = 0; total < size; i++) {
      Hash h = registry().chunk(Address.fromHex(model), f, i)
          .orElseThrow(() -> new AssertionError("chunk missing"));
      byte[] b = chain().blob(h).orElseThrow(() -> new AssertionError("blob missing"));
      parts.add(b);
      total += b.length;
    }
    byte[] all = new byte[total];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }

  @Override
  public void close() {
    rpc.close();
    node.close();
  }
}
