package org.cvmj.chain.statetest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Runs GeneralStateTests files and directories under one fork: every post case of every test, in file-name
 * order. This is what {@code cvm-chain statetest} and the conformance test call.
 */
public final class Conformance {
  /** The fork this EVM implements. */
  public static final String FORK = "Cancun";
  /** Stack for the thread that runs a case; see {@link #runGuarded}. */
  private static final long EVM_STACK_BYTES = 512L << 20;

  private Conformance() {}

  /**
   * Runs every {@code .json} file under {@code paths} (a file is taken as is; a directory is walked) that
   * {@code include} accepts; each failure is also handed to {@code onFailure} as it is found.
   */
  public static ConformanceReport run(List<Path> paths, Predicate<Path> include, Consumer<CaseFailure> onFailure)
      throws StateTestException {
    int passed = 0;
    List<CaseFailure> failures = new ArrayList<>();
    for (Path root : paths) {
      for (Path file : files(root)) {
        if (!include.test(file)) {
          continue;
        }
        String shown = Files.isDirectory(root) ? root.relativize(file).toString() : file.toString();
        for (StateTest test : StateTestReader.read(file, FORK)) {
          for (PostCase c : test.posts()) {
            Optional<String> problem = runGuarded(test, c);
            if (problem.isEmpty()) {
              passed++;
            } else {
              CaseFailure f = new CaseFailure(shown, test.name(), c.indexes(), problem.get());
              failures.add(f);
              onFailure.accept(f);
            }
          }
        }
      }
    }
    return new ConformanceReport(passed, failures);
  }

  /**
   * Runs one case on a thread with a deep stack: the interpreter recurses once per call frame, and 1024 nested
   * CREATE2/CALL frames overflow a default thread stack while the JIT has not compiled the interpreter yet. A
   * crash of the EVM is a failure of that case, reported as such; it does not end the run.
   */
  private static Optional<String> runGuarded(StateTest test, PostCase c) {
    Object[] result = new Object[1];
    Thread t = new Thread(null, () -> {
      try {
        result[0] = StateTestRunner.run(test, c);
      } catch (RuntimeException | StackOverflowError e) {
        result[0] = Optional.of("internal error: " + e);
      }
    }, "statetest", EVM_STACK_BYTES);
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    }
    @SuppressWarnings("unchecked")
    Optional<String> r = (Optional<String>) result[0];
    return r;
  }

  private static List<Path> files(Path root) throws StateTestException {
    if (!Files.exists(root)) {
      throw new StateTestException("no such file or directory: " + root);
    }
    if (!Files.isDirectory(root)) {
      return List.of(root);
    }
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted()
          .toList();
    } catch (IOException | UncheckedIOException e) {
      throw new StateTestException("cannot list " + root + ": " + e.getMessage());
    }
  }
}
