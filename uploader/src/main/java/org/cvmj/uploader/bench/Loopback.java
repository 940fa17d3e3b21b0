package org.cvmj.uploader.bench;

import java.util.Optional;
import org.cvmj.chain.bench.LoopbackUrl;
import org.cvmj.uploader.InvalidInputException;

/** The benchmark's guard: it loads only a node on this machine, never another host ({@link LoopbackUrl}). */
final class Loopback {
  private Loopback() {}

  /** Passes an http URL whose host is a loopback address; anything else is invalid input naming why. */
  static void check(String url) throws InvalidInputException {
    Optional<String> problem = LoopbackUrl.problem(url);
    if (problem.isPresent()) {
      throw new InvalidInputException(problem.get());
    }
  }
}
