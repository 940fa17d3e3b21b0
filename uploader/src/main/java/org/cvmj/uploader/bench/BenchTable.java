package org.cvmj.uploader.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.cvmj.chain.bench.Measurement;

/** A {@link BenchReport} as a plain-text table: one row per workload, the median and every round. */
public final class BenchTable {
  private BenchTable() {}

  public static String format(BenchReport r) {
    StringBuilder b = new StringBuilder();
    BenchSettings s = r.settings();
    b.append("upload bench against ").append(r.target()).append(": ").append(s.rounds())
        .append(" rounds, median of the rounds; ").append(s.calls()).append(" transactions per infer round\n");
    b.append(String.format(Locale.ROOT, "MNIST model %s (%,d bytes, fee %,d gas): the infer precompile charges %,d"
        + " gas a call (cvm_infer), the transaction's own gas on top%n", r.mnistModel(), r.mnistBytes(), s.fee(),
        r.precompileGas()));
    List<Measurement> rows = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (InferResult i : r.infer()) {
      rows.add(i.rate());
      notes.add(i.gasMin() == i.gasMax() ? String.format(Locale.ROOT, "%,d gas per tx", i.gasMin())
          : String.format(Locale.ROOT, "%,d..%,d gas per tx", i.gasMin(), i.gasMax()));
    }
    UploadThroughput u = r.upload();
    rows.add(u.rate());
    notes.add(String.format(Locale.ROOT, "%,d bytes, %d chunks, %d txs, %d blocks, %,d gas per upload",
        u.modelBytes(), u.chunks(), u.transactions(), u.blocks(), u.gasUsed()));
    int width = rows.stream().mapToInt(m -> m.workload().length()).max().orElse(8);
    String row = "%-" + width + "s  %-5s  %8s  %s%n";
    b.append(String.format(Locale.ROOT, row, "workload", "unit", "median", "rounds; per transaction or upload"));
    for (int k = 0; k < rows.size(); k++) {
      Measurement m = rows.get(k);
      String format = m.unit().equals("MB/s") ? "%.2f" : "%.1f";
      String rounds = m.rounds().stream().map(x -> String.format(Locale.ROOT, format, x))
          .collect(Collectors.joining(" "));
      b.append(String.format(Locale.ROOT, row, m.workload(), m.unit(), String.format(Locale.ROOT, format, m.median()),
          rounds + "; " + notes.get(k)));
    }
    return b.toString();
  }
}
