package org.cvmj.uploader.cli;

import org.cvmj.uploader.InvalidInputException;
import org.cvmj.uploader.chain.Rpc;
import picocli.CommandLine.Option;

/** {@code --rpc URL}, shared by the commands. */
final class RpcOption {
  @Option(names = "--rpc", paramLabel = "URL", defaultValue = Rpc.DEFAULT_URL,
      description = "JSON-RPC endpoint of the node (default ${DEFAULT-VALUE}, the local dev node)")
  String url;

  Rpc connect() throws InvalidInputException {
    return Rpc.connect(url);
  }
}
