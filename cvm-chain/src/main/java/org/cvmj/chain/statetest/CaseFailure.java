package org.cvmj.chain.statetest;

/** A failing post case: where it is and what differs. */
public record CaseFailure(String file, String test, String indexes, String problem) {
  /** {@code FILE TEST dNgNvN: PROBLEM}, the line the CLI prints. */
  public String line() {
    return file + " " + test + " " + indexes + ": " + problem;
  }

  /** {@code TEST dNgNvN}: how the known-failures list names a case. */
  public String caseName() {
    return test + " " + indexes;
  }
}
