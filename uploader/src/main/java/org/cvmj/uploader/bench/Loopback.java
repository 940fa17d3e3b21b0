package org.cvmj.uploader.bench;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import org.cvmj.uploader.InvalidInputException;

/** The benchmark's guard: it loads only a node on this machine, never another host. */
final class Loopback {
  private Loopback() {}

  /** Passes an http URL whose host is a loopback address; anything else is invalid input naming why. */
  static void check(String url) throws InvalidInputException {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new InvalidInputException("--rpc " + url + " is not a URL: " + e.getMessage());
    }
    if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new InvalidInputException("--rpc: expected an http URL with a host and port, got " + url);
    }
    try {
      if (!InetAddress.getByName(uri.getHost()).isLoopbackAddress()) {
        throw new InvalidInputException("--rpc: " + uri.getHost() + " is not this machine; the benchmark sends only"
            + " to loopback addresses (127.0.0.1, ::1)");
      }
    } catch (UnknownHostException e) {
      throw new InvalidInputException("--rpc: unknown host " + uri.getHost());
    }
  }
}
