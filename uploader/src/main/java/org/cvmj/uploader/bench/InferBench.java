package org.cvmj.uploader.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.cvmj.chain.bench.Measurement;
import org.cvmj.uploader.NodeException;

/**
 * Rounds of transactions that call a model. The workloads are interleaved, round after round, so that the noise of a
 * shared machine hits them alike. Each round's transactions are signed before its clock starts, sent one after
 * another, and timed to the last receipt; afterwards every receipt is read and must have status 1.
 */
final class InferBench {
  private final Transactions transactions;
  private final PreSigner user;
  private final BenchSettings settings;
  private final PrintWriter progress;

  InferBench(Transactions transactions, PreSigner user, BenchSettings settings, PrintWriter progress) {
    this.transactions = transactions;
    this.user = user;
    this.settings = settings;
    this.progress = progress;
  }

  /** Runs every workload {@link BenchSettings#rounds()} times; the results are in the order of {@code workloads}. */
  List<InferResult> run(List<InferWorkload> workloads) throws NodeException {
    int n = workloads.size();
    List<List<Double>> rates = new ArrayList<>();
    long[] gasMin = new long[n];
    long[] gasMax = new long[n];
    for (int w = 0; w < n; w++) {
      rates.add(new ArrayList<>());
      gasMin[w] = Long.MAX_VALUE;
    }
    for (int round = 1; round <= settings.rounds(); round++) {
      for (int w = 0; w < n; w++) {
        InferWorkload work = workloads.get(w);
        List<PreSigner.Signed> txs = new ArrayList<>(settings.calls());
        for (int i = 0; i < settings.calls(); i++) {
          txs.add(user.sign(work.to(), work.calldata().get(), work.gas()));
        }
        double seconds = transactions.sendAll(txs) / 1e9;
        for (long g : transactions.gasUsed(txs)) {
          gasMin[w] = Math.min(gasMin[w], g);
          gasMax[w] = Math.max(gasMax[w], g);
        }
        double rate = txs.size() / seconds;
        rates.get(w).add(rate);
        progress.printf("%s, round %d: %d transactions in %.3f s = %.1f tx/s%n", work.name(), round, txs.size(),
            seconds, rate);
        progress.flush();
      }
    }
    List<InferResult> results = new ArrayList<>(n);
    for (int w = 0; w < n; w++) {
      results.add(new InferResult(new Measurement(workloads.get(w).name(), "tx/s", rates.get(w)), gasMin[w],
          gasMax[w], settings.rounds() * settings.calls()));
    }
    return results;
  }
}
