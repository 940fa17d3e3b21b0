package org.cvmj.chain.statetest;

import java.util.List;

/** The outcome of a run over state test files: how many cases passed, and every failure in file order. */
public record ConformanceReport(int passed, List<CaseFailure> failures) {
  public ConformanceReport {
    failures = List.copyOf(failures);
  }

  /** {@code N passed, M failed}. */
  public String summary() {
    return passed + " passed, " + failures.size() + " failed";
  }
}
