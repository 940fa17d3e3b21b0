package org.cvmj.chain.bench;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The benchmark's results as a plain-text table: one row per workload and unit, the rounds and their median. */
final class BenchTable {
  private BenchTable() {}

  static String format(String target, ThroughputBench.Settings settings, List<Measurement> results) {
    StringBuilder b = new StringBuilder();
    b.append("cvm-chain bench against ").append(target).append(": ").append(settings.rounds())
        .append(" rounds, median of the rounds\n");
    int width = results.stream().mapToInt(m -> m.workload().length()).max().orElse(8);
    String row = "%-" + width + "s  %-7s  %10s  %s%n";
    b.append(String.format(Locale.ROOT, row, "workload", "unit", "median", "rounds"));
    for (Measurement m : results) {
      String rounds = m.rounds().stream().map(r -> String.format(Locale.ROOT, "%.1f", r))
          .collect(Collectors.joining(" "));
      b.append(String.format(Locale.ROOT, row, m.workload(), m.unit(),
          String.format(Locale.ROOT, "%.1f", m.median()), rounds));
    }
    return b.toString();
  }
}
