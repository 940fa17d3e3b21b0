import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.web3j.codegen.SolidityFunctionWrapperGenerator;

/**
 * Runs web3j's codegen ({@code SolidityFunctionWrapperGenerator -a X.abi -b X.bin -o OUT -p PKG}) for every
 * {@code <Name>.abi} with a {@code <Name>.bin} beside it in one artifact directory, so that a new contract gets its
 * wrapper without a build change. An ABI of {@code []} (a library of internal functions only, such as {@code CVM})
 * has nothing to wrap and is passed over. The Maven build runs it as a single-file program with codegen on the classpath:
 *
 * <pre>java -cp CLASSPATH GenerateWrappers.java ARTIFACT_DIR OUTPUT_DIR PACKAGE [NAME,...]</pre>
 *
 * <p>The optional fourth argument names the contracts to wrap (a client that needs one interface, such as the
 * uploader's {@code IModelRegistry}); each named one must exist.
 *
 * <p>Codegen exits the JVM with status 1 on an error of its own; this program exits with 2 when a wrapper it asked
 * for did not appear, so a build never compiles against a silently missing class.
 */
public final class GenerateWrappers {
  public static void main(String[] args) throws IOException {
    if (args.length != 3 && args.length != 4) {
      fail("usage: GenerateWrappers ARTIFACT_DIR OUTPUT_DIR PACKAGE [NAME,...]");
    }
    Path artifacts = Path.of(args[0]);
    Path out = Path.of(args[1]);
    String pkg = args[2];
    Set<String> only = args.length == 4 ? Set.of(args[3].split(",")) : null;
    if (!Files.isDirectory(artifacts)) {
      fail("artifact directory " + artifacts + " does not exist");
    }
    List<Path> abis;
    try (Stream<Path> files = Files.list(artifacts)) {
      abis = files.filter(p -> p.getFileName().toString().endsWith(".abi")).sorted().collect(Collectors.toList());
    }
    if (only != null) {
      for (String name : only) {
        if (!Files.isRegularFile(artifacts.resolve(name + ".abi"))) {
          fail("no " + name + ".abi in " + artifacts);
        }
      }
      abis = abis.stream().filter(p -> only.contains(p.getFileName().toString().replaceFirst("\\.abi$", "")))
          .collect(Collectors.toList());
    }
    if (abis.isEmpty()) {
      fail("no .abi files in " + artifacts);
    }
    Path pkgDir = out.resolve(pkg.replace('.', '/'));
    int written = 0;
    for (Path abi : abis) {
      if (Files.readString(abi).strip().equals("[]")) {
        continue;
      }
      String name = abi.getFileName().toString().replaceFirst("\\.abi$", "");
      Path bin = artifacts.resolve(name + ".bin");
      if (!Files.isRegularFile(bin)) {
        fail(abi + " has no " + bin.getFileName() + " beside it; recompile with compile-solidity.js");
      }
      Path wrapper = pkgDir.resolve(name + ".java");
      Files.deleteIfExists(wrapper);
      SolidityFunctionWrapperGenerator.main(new String[] {
          "-a", abi.toString(), "-b", bin.toString(), "-o", out.toString(), "-p", pkg});
      if (!Files.isRegularFile(wrapper)) {
        fail("codegen wrote no " + wrapper + " for " + abi);
      }
      written++;
    }
    System.out.println("GenerateWrappers: " + written + " wrapper(s) in " + pkgDir);
  }

  private static void fail(String message) {
    System.err.println("GenerateWrappers: " + message);
    System.exit(2);
  }
}
