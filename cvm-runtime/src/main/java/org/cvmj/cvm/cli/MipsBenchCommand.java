package org.cvmj.cvm.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import org.cvmj.cvm.mips.guest.GuestBenchmark;
import org.cvmj.cvm.model.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Measure the MIPS VM on one inference: interpreter steps per second (no hashing), the same",
        "image under qemu-mips beside it (when installed), and the time to produce and verify the witness of a",
        "random step from scratch. Rounds interleave the measurements; the summary gives medians."})
final class MipsBenchCommand implements Callable<Integer> {
  @Mixin
  ModelInput model;

  @Option(names = "--rounds", defaultValue = "5", description = "Rounds. Default: ${DEFAULT-VALUE}.")
  int rounds;

  @Option(names = "--seed", defaultValue = "1", description = "Seed for the witness steps. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--no-qemu", description = "Skip the qemu-mips comparison.")
  boolean noQemu;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (rounds < 1) {
      throw new ParameterException(spec.commandLine(), "--rounds must be at least 1");
    }
    Model m = model.load();
    byte[] in = model.raw(m);
    PrintWriter out = spec.commandLine().getOut();
    Path tmp = Files.createTempDirectory("cvm-mips-bench");
    try {
      Path image = noQemu || !onPath("qemu-mips") ? null
          : GuestBenchmark.writeImage(m, in, tmp.resolve("image.elf"));
      if (image == null) {
        out.println("qemu-mips " + (noQemu ? "skipped (--no-qemu)" : "not found (Debian qemu-user): no comparison"));
      }
      Random random = new Random(seed);
      List<GuestBenchmark.Round> results = new ArrayList<>();
      for (int r = 1; r <= rounds; r++) {
        GuestBenchmark.Round res = GuestBenchmark.measure(m, in, image, random);
        results.add(res);
        out.printf("round %d  %,d steps  VM %.3f s (%.1f M steps/s)%s  witness of step %,d %.3f s%n", r, res.steps(),
            res.vmSeconds(), res.stepsPerSecond() / 1e6, image == null ? "" : String.format("  qemu-mips %.3f s",
                res.qemuSeconds()), res.witnessStep(), res.witnessSeconds());
      }
      long steps = results.get(0).steps();
      long macs = GuestBenchmark.macs(m);
      double vm = median(results, GuestBenchmark.Round::vmSeconds);
      double qemu = median(results, GuestBenchmark.Round::qemuSeconds);
      out.printf("model %s: %,d steps per inference, %,d multiply-accumulates (%s steps per MAC)%n", model.describe(),
          steps, macs, macs == 0 ? "n/a" : String.format("%.2f", (double) steps / macs));
      out.printf("median: VM %.3f s = %.1f M steps/s%s; witness from scratch %.3f s%n", vm, steps / vm / 1e6,
          image == null ? "" : String.format("; qemu-mips %.3f s (VM/qemu %.1fx)", qemu, vm / qemu),
          median(results, GuestBenchmark.Round::witnessSeconds));
      return 0;
    } finally {
      try (var files = Files.list(tmp)) {
        for (Path p : (Iterable<Path>) files::iterator) {
          Files.delete(p);
        }
      }
      Files.delete(tmp);
    }
  }

  private static double median(List<GuestBenchmark.Round> rounds, ToDoubleFunction<GuestBenchmark.Round> f) {
    double[] v = rounds.stream().mapToDouble(f).sorted().toArray();
    return v[v.length / 2];
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }
}
