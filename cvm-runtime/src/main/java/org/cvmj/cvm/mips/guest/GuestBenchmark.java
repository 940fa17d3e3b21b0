package org.cvmj.cvm.mips.guest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.cvmj.cvm.mips.ElfWriter;
import org.cvmj.cvm.mips.Machine;
import org.cvmj.cvm.mips.MipsException;
import org.cvmj.cvm.mips.StepVerifier;
import org.cvmj.cvm.model.Graph;
import org.cvmj.cvm.model.Model;
import org.cvmj.cvm.model.ModelException;
import org.cvmj.cvm.model.Node;
import org.cvmj.cvm.tensor.Shape;

/**
 * One round of the MIPS benchmark on a model: the interpreter running the guest to its exit (no hashing),
 * the same VM image as an ELF under qemu-mips when it is installed, and the cost of producing and checking
 * the witness of a random step from scratch (boot, run to the step, prove, verify; no checkpoints).
 */
public final class GuestBenchmark {
  private GuestBenchmark() {}

  /** Seconds are wall-clock; {@code qemuSeconds} is NaN without qemu-mips. */
  public record Round(long steps, double vmSeconds, double qemuSeconds, long witnessStep, double witnessSeconds) {
    public double stepsPerSecond() {
      return steps / vmSeconds;
    }
  }

  public static Round measure(Model model, byte[] input, Path qemuImage, Random random)
      throws MipsException, ModelException, IOException, InterruptedException {
    Machine m = GuestInference.boot(model, input);
    long t0 = System.nanoTime();
    m.run(GuestInference.DEFAULT_MAX_STEPS);
    double vm = (System.nanoTime() - t0) / 1e9;
    GuestInference.output(m); // the run must have succeeded to count
    double qemu = qemuImage == null ? Double.NaN : qemuSeconds(qemuImage);

    long k = random.nextLong(m.steps());
    long t1 = System.nanoTime();
    Machine w = GuestInference.boot(model, input);
    w.runTo(k);
    byte[] pre = w.stateHash();
    StepVerifier.verify(pre, w.proveStep());
    double witness = (System.nanoTime() - t1) / 1e9;
    return new Round(m.steps(), vm, qemu, k, witness);
  }

  /** Writes the VM's initial image as an executable ELF for qemu-mips. */
  public static Path writeImage(Model model, byte[] input, Path file) throws MipsException, ModelException, IOException {
    Files.write(file, ElfWriter.write(GuestInference.image(model, input)));
    if (!file.toFile().setExecutable(true)) {
      throw new IOException("cannot make " + file + " executable");
    }
    return file;
  }

  private static double qemuSeconds(Path image) throws IOException, InterruptedException {
    long t = System.nanoTime();
    Process p = new ProcessBuilder("qemu-mips", image.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IOException("qemu-mips did not finish within 10 minutes");
    }
    if (p.exitValue() != 0) {
      throw new IOException("qemu-mips exited with " + p.exitValue());
    }
    return (System.nanoTime() - t) / 1e9;
  }

  /** Multiply-accumulates of the model: conv2d and dense output elements times their reduction length. */
  public static long macs(Model model) {
    Graph g = model.graph();
    long macs = 0;
    for (Node n : g.nodes()) {
      if (!n.isVariable() && (n.op().name().equals("conv2d") || n.op().name().equals("dense"))) {
        Shape w = g.shapes()[n.inputs()[1]];
        macs += g.shapes()[n.firstEntry()].size() * (w.size() / w.dim(0));
      }
    }
    return macs;
  }
}
