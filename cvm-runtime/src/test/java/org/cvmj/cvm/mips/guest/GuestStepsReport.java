package org.cvmj.cvm.mips.guest;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.cvmj.cvm.exec.Executor;
import org.cvmj.cvm.exec.InferenceCodec;
import org.cvmj.cvm.mips.Machine;
import org.cvmj.cvm.model.Graph;
import org.cvmj.cvm.model.Model;
import org.cvmj.cvm.model.Node;
import org.cvmj.cvm.op.nn.Conv2d;
import org.cvmj.cvm.op.nn.Dense;

/**
 * A developer tool, not a test: runs models inside the MIPS VM and prints steps, multiply-accumulates and
 * steps per MAC, after checking the VM's bytes against the Java executor on every input. With
 * {@code --profile} it also attributes every step to the guest function holding its pc (symbols from
 * {@code mips-linux-gnu-nm}), which is how the speed section of docs/mips-guest.md is measured.
 *
 * <p>Usage: {@code GuestStepsReport [--profile] [--inputs N] MODEL_DIR...}; the input of the first run is the
 * model directory's {@code input.bin} when there is one, the rest are random bytes (seeded).
 */
public final class GuestStepsReport {
  private GuestStepsReport() {}

  public static void main(String[] args) throws Exception {
    boolean profile = false;
    int inputs = 1;
    List<Path> dirs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--profile")) {
        profile = true;
      } else if (args[i].equals("--inputs")) {
        inputs = Integer.parseInt(args[++i]);
      } else {
        dirs.add(Path.of(args[i]));
      }
    }
    System.out.printf("%-28s %12s %12s %9s%n", "model", "steps", "MACs", "steps/MAC");
    for (Path dir : dirs) {
      Model model = Model.load(dir);
      long macs = macs(model.graph());
      SplittableRandom rnd = new SplittableRandom(11);
      for (int k = 0; k < inputs; k++) {
        byte[] input = k == 0 && Files.exists(dir.resolve("input.bin"))
            ? Files.readAllBytes(dir.resolve("input.bin")) : randomInput(model, rnd);
        byte[] expected = expected(model, input);
        Map<String, Long> perFunction = new TreeMap<>();
        long steps;
        byte[] got;
        if (profile && k == 0) {
          Machine m = GuestInference.boot(model, input);
          Symbols sym = Symbols.of(GuestProgram.elf());
          long[] hits = new long[sym.names.size()];
          while (!m.exited()) {
            hits[sym.index(m.state().pc())]++;
            m.run(1);
          }
          for (int i = 0; i < hits.length; i++) {
            if (hits[i] > 0) {
              perFunction.merge(sym.names.get(i), hits[i], Long::sum);
            }
          }
          steps = m.steps();
          got = GuestInference.output(m);
        } else {
          GuestInference.Result r = GuestInference.run(model, input, GuestInference.DEFAULT_MAX_STEPS);
          steps = r.steps();
          got = r.output();
        }
        String same = Arrays.equals(expected, got) ? "" : "   VM OUTPUT DIFFERS FROM THE JAVA EXECUTOR";
        System.out.printf("%-28s %12d %12d %9.3f%s%n", dir.getFileName() + " #" + k, steps, macs,
            (double) steps / macs, same);
        perFunction.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
            .forEach(e -> System.out.printf("    %-24s %12d  %6.3f/MAC%n", e.getKey(), e.getValue(),
                (double) e.getValue() / macs));
      }
    }
  }

  /** Σ over conv2d of output elements × (in_channels/groups × kh × kw), over dense of outputs × inputs. */
  static long macs(Graph g) {
    long total = 0;
    for (Node n : g.nodes()) {
      if (n.isVariable()) {
        continue;
      }
      long out = g.shapes()[n.firstEntry()].elements();
      if (n.op() instanceof Conv2d c) {
        total += out * (g.shapes()[n.inputs()[0]].dim(1) / c.groups()) * c.kernelH() * c.kernelW();
      } else if (n.op() instanceof Dense) {
        total += out * g.shapes()[n.inputs()[0]].dim(1);
      }
    }
    return total;
  }

  static byte[] expected(Model model, byte[] input) throws Exception {
    InferenceCodec codec = InferenceCodec.reference(model.graph());
    try (Executor ex = new Executor(model, 1)) {
      return codec.encodeOutput(ex.run(codec.decodeInput(input)));
    }
  }

  static byte[] randomInput(Model model, SplittableRandom rnd) {
    InferenceCodec codec = InferenceCodec.reference(model.graph());
    byte[] b = new byte[codec.inputLength()];
    if (codec.inputTypeSize() == 1) {
      for (int i = 0; i < b.length; i++) {
        b[i] = (byte) rnd.nextInt(-128, 128);
      }
    } else {
      for (int i = 0; i < b.length; i += 4) {
        int v = rnd.nextInt(-127, 128);
        b[i] = (byte) v;
        b[i + 1] = (byte) (v >> 8);
        b[i + 2] = (byte) (v >> 16);
        b[i + 3] = (byte) (v >> 24);
      }
    }
    return b;
  }

  /** Function start addresses of the guest ELF, sorted, from mips-linux-gnu-nm. */
  private record Symbols(int[] starts, List<String> names) {
    static Symbols of(byte[] elf) throws Exception {
      Path f = Files.createTempFile("cvm-guest", ".elf");
      try {
        Files.write(f, elf);
        Process p = new ProcessBuilder("mips-linux-gnu-nm", "-n", f.toString()).redirectErrorStream(true).start();
        List<Integer> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = r.readLine()) != null; ) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 3 && (parts[1].equals("t") || parts[1].equals("T"))) {
              starts.add((int) Long.parseLong(parts[0], 16));
              names.add(parts[2]);
            }
          }
        }
        p.waitFor();
        names.add(0, "(outside text)");
        int[] s = new int[starts.size()];
        for (int i = 0; i < s.length; i++) {
          s[i] = starts.get(i);
        }
        return new Symbols(s, names);
      } finally {
        Files.delete(f);
      }
    }

    /** Index into names: 0 below the first symbol, else 1 + the last start at or below pc. */
    int index(int pc) {
      int i = Arrays.binarySearch(starts, pc);
      return i >= 0 ? i + 1 : -i - 1;
    }
  }
}
