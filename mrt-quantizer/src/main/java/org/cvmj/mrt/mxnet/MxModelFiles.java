package org.cvmj.mrt.mxnet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import org.cvmj.mrt.MrtException;
import org.cvmj.mrt.graph.FGraph;
import org.cvmj.mrt.graph.FModel;

/**
 * A float model as MXNet stores it: symbol JSON plus {@code .params}. MRT names the pair
 * {@code <dir>/<name>.json} and {@code <dir>/<name>.params}. Writes go to a temporary file in the target
 * directory, are flushed to disk and then renamed over the target, so a crash leaves either the old file or the
 * new one, never a half-written one.
 */
public final class MxModelFiles {
  private MxModelFiles() {}

  public static FModel read(Path dir, String name) {
    return read(dir.resolve(name + ".json"), dir.resolve(name + ".params"));
  }

  public static void write(FModel model, Path dir, String name) {
    write(model, dir.resolve(name + ".json"), dir.resolve(name + ".params"));
  }

  public static FModel read(Path symbolJson, Path params) {
    FGraph graph = MxSymbolReader.read(symbolJson);
    MxParams values = MxParamsReader.read(params);
    Set<String> variables = new HashSet<>(graph.variableNames());
    for (String p : values.tensors().keySet()) {
      if (!variables.contains(p)) {
        throw new MrtException(params + ": parameter '" + p + "' is not a variable of the graph in " + symbolJson);
      }
    }
    return new FModel(graph, values.tensors());
  }

  public static void write(FModel model, Path symbolJson, Path params) {
    byte[] json = MxSymbolWriter.write(model.graph()).getBytes(StandardCharsets.UTF_8);
    byte[] data = MxParamsWriter.write(model);
    // Both temporary files are complete before either target is replaced, to keep the window where the pair
    // is inconsistent as short as two renames.
    Path jsonTmp = temp(symbolJson, json);
    Path dataTmp;
    try {
      dataTmp = temp(params, data);
    } catch (MrtException e) {
      deleteQuietly(jsonTmp);
      throw e;
    }
    try {
      replace(dataTmp, params);
    } catch (MrtException e) {
      deleteQuietly(jsonTmp);
      throw e;
    }
    replace(jsonTmp, symbolJson);
  }

  private static Path temp(Path target, byte[] bytes) {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      // Not createTempFile: its files are private (0600); a model file gets the user's usual permissions.
      tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
          + System.nanoTime() + ".tmp");
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
          ch.write(b);
        }
        ch.force(true);
      }
      return tmp;
    } catch (IOException e) {
      if (tmp != null) {
        deleteQuietly(tmp);
      }
      throw new MrtException(target + ": cannot write: " + e, e);
    }
  }

  private static void replace(Path tmp, Path target) {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      deleteQuietly(tmp);
      throw new MrtException(target + ": cannot write: " + e, e);
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // the failure being reported matters more than a leftover temporary file
    }
  }
}
