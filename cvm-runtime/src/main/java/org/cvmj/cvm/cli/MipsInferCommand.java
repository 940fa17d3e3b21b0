package org.cvmj.cvm.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import org.cvmj.cvm.exec.InferenceCodec;
import org.cvmj.cvm.mips.guest.GuestInference;
import org.cvmj.cvm.model.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "infer", mixinStandardHelpOptions = true,
    description = {"Run one inference inside the MIPS VM (the CVM guest program) and write its output.",
        "The output bytes are those of 'cvm run'; the initial state hash commits to guest, model and input."})
final class MipsInferCommand implements Callable<Integer> {
  @Mixin
  ModelInput model;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the output here (.npy or raw bytes).")
  Path output;

  @Option(names = "--json", description = "Print one JSON object (output, steps, state hashes) instead of text.")
  boolean json;

  @Option(names = "--max-steps", defaultValue = "" + GuestInference.DEFAULT_MAX_STEPS, paramLabel = "N",
      description = "Give up after N steps. Default: ${DEFAULT-VALUE}.")
  long maxSteps;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Model m = model.load();
    InferenceCodec codec = InferenceCodec.reference(m.graph());
    GuestInference.Result r = GuestInference.run(m, model.raw(m), maxSteps);
    if (output != null) {
      OutputFile.write(output, r.output(), codec.outputTypeSize());
    }
    PrintWriter out = spec.commandLine().getOut();
    HexFormat hex = HexFormat.of();
    int[] values = OutputFile.values(r.output(), codec.outputTypeSize());
    if (json) {
      ObjectMapper mapper = new ObjectMapper();
      ObjectNode o = mapper.createObjectNode();
      o.putPOJO("output", values);
      o.put("outputHex", "0x" + hex.formatHex(r.output()));
      o.put("steps", r.steps());
      o.put("initialStateHash", "0x" + hex.formatHex(r.initialStateHash()));
      o.put("finalStateHash", "0x" + hex.formatHex(r.finalStateHash()));
      out.println(mapper.writeValueAsString(o));
    } else {
      out.println(Arrays.toString(values));
      out.println("steps: " + r.steps());
      out.println("initial state hash: 0x" + hex.formatHex(r.initialStateHash()));
      out.println("final state hash:   0x" + hex.formatHex(r.finalStateHash()));
    }
    return 0;
  }
}
