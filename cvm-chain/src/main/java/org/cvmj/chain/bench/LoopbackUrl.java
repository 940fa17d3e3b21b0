package org.cvmj.chain.bench;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The benchmarks' guard (this module's and the uploader's): they load only a node on this machine, never another
 * host.
 */
public final class LoopbackUrl {
  private LoopbackUrl() {}

  /**
   * What is wrong with {@code url} as the {@code --rpc} of a benchmark, or empty for an http URL whose host is a
   * loopback address.
   */
  public static Optional<String> problem(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of("--rpc " + url + " is not a URL: " + e.getMessage());
    }
    if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
      return Optional.of("--rpc: expected an http URL with a host and port, got " + url);
    }
    try {
      if (!InetAddress.getByName(uri.getHost()).isLoopbackAddress()) {
        return Optional.of("--rpc: " + uri.getHost() + " is not this machine; the benchmark sends only to loopback"
            + " addresses (127.0.0.1, ::1)");
      }
    } catch (UnknownHostException e) {
      return Optional.of("--rpc: unknown host " + uri.getHost());
    }
    return Optional.empty();
  }
}
