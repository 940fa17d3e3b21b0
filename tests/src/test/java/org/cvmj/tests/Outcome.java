package org.cvmj.tests;

import java.util.List;

/**
 * How a launcher run ended: its exit status and everything it printed.
 *
 * @param code the exit status (137 after SIGKILL)
 * @param out standard output
 * @param err standard error
 */
record Outcome(int code, String out, String err) {
  /** The stdout lines. */
  List<String> lines() {
    return out.lines().toList();
  }

  /** The value of the first stdout line {@code key: value}; fails when there is none. */
  String value(String key) {
    for (String line : lines()) {
      if (line.startsWith(key + ":")) {
        return line.substring(key.length() + 1).strip();
      }
    }
    throw new AssertionError("no '" + key + ":' line in the output:\n" + out + "\nstderr:\n" + err);
  }

  /**
   * What the command itself wrote to stderr: without the notice the JVM prints for {@code --add-modules
   * jdk.incubator.vector}, which every launcher passes (the runtime's SIMD kernels need it) and no flag silences.
   */
  String messages() {
    return err.replace("WARNING: Using incubator modules: jdk.incubator.vector\n", "");
  }

  /** For assertion messages. */
  String describe() {
    return "exit " + code + "\nstdout:\n" + out + "\nstderr:\n" + err;
  }
}
