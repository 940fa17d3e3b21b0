package org.cvmj.cvm.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cvmj.cvm.exec.LatencyBenchmark;
import org.cvmj.cvm.model.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Measure batch-1 inference latency for several thread counts.",
        "Thread counts are measured interleaved, round after round, so that machine noise hits them alike; "
            + "the report gives the median of the per-round medians."})
final class BenchCommand implements Callable<Integer> {
  @Mixin
  ModelInput model;

  @Option(names = "--threads", split = ",", defaultValue = "1,2", paramLabel = "N[,N...]",
      description = "Thread counts to compare. Default: ${DEFAULT-VALUE}.")
  List<Integer> threads;

  @Option(names = "--warmup", defaultValue = "300", description = "Untimed runs per round. Default: ${DEFAULT-VALUE}.")
  int warmup;

  @Option(names = "--runs", defaultValue = "500", description = "Timed runs per round. Default: ${DEFAULT-VALUE}.")
  int runs;

  @Option(names = "--rounds", defaultValue = "5", description = "Rounds. Default: ${DEFAULT-VALUE}.")
  int rounds;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (warmup < 0 || runs < 1 || rounds < 1 || threads.stream().anyMatch(t -> t < 1)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--runs, --rounds and --threads must be positive, --warmup not negative");
    }
    Model m = model.load();
    int[] in = model.values(m);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("model %s, %d rounds x %d runs (after %d warm-up runs), %d CPUs%n", model.describe(), rounds,
        runs, warmup, Runtime.getRuntime().availableProcessors());
    List<List<Double>> medians = new ArrayList<>();
    threads.forEach(t -> medians.add(new ArrayList<>()));
    for (int r = 0; r < rounds; r++) {
      for (int k = 0; k < threads.size(); k++) {
        LatencyBenchmark.Result res = LatencyBenchmark.measure(m, in, threads.get(k), warmup, runs);
        medians.get(k).add(res.medianMicros());
        out.printf("round %d  threads %d  median %8.1f us  p90 %8.1f us  min %8.1f us%n", r + 1, res.threads(),
            res.medianMicros(), res.p90Micros(), res.minMicros());
      }
    }
    double base = median(medians.get(0));
    for (int k = 0; k < threads.size(); k++) {
      double med = median(medians.get(k));
      out.printf("threads %d: median of round medians %.1f us (%.3f ms), speed-up vs %d thread(s) %.2fx%n",
          threads.get(k), med, med / 1000, threads.get(0), base / med);
    }
    return 0;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }
}
