package org.cvmj.mrt.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.cvmj.cvm.model.Model;
import org.cvmj.cvm.model.ModelException;
import org.cvmj.mrt.MrtException;

/**
 * Writes a CVM model directory ({@code symbol}, {@code params}, {@code ext.json} and whatever the report
 * adds) so that a half-written model never looks finished: everything goes into a hidden sibling
 * directory, the model is loaded back through every check of the CVM loader, and only then is the
 * directory moved into place.
 */
public final class ModelDirectory {
  public static final String EXT_FILE = "ext.json";

  private ModelDirectory() {}

  /** Something that writes more files (the report) into the staging directory before it is published. */
  public interface Extra {
    void writeInto(Path staging) throws IOException;
  }

  public static void write(Path target, CompiledModel compiled, ExtInfo ext, Extra extra) {
    Path parent = target.toAbsolutePath().getParent();
    Path staging = parent.resolve("." + target.getFileName() + ".partial");
    refuseForeign(target);
    try {
      Files.createDirectories(parent);
      deleteTree(staging);
      Files.createDirectories(staging);
      Files.writeString(staging.resolve(Model.SYMBOL_FILE), compiled.symbol(), StandardCharsets.UTF_8);
      Files.write(staging.resolve(Model.PARAMS_FILE), compiled.params());
      Files.writeString(staging.resolve(EXT_FILE), ExtJson.write(ext), StandardCharsets.UTF_8);
      Model.load(staging);
      extra.writeInto(staging);
      deleteTree(target);
      try {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(staging, target);
      }
    } catch (ModelException e) {
      throw new MrtException(staging + ": the written model does not load back: " + e.getMessage(), e);
    } catch (FileAlreadyExistsException e) {
      throw new MrtException(target + ": cannot replace the existing output", e);
    } catch (IOException e) {
      throw new MrtException(target + ": cannot write the model: " + e.getMessage(), e);
    }
  }

  /** Replacing a previous model is fine; deleting a directory that holds anything else is not. */
  private static void refuseForeign(Path target) {
    if (!Files.isDirectory(target)) {
      if (Files.exists(target)) {
        throw new MrtException(target + ": exists and is not a directory; choose another output");
      }
      return;
    }
    try (Stream<Path> list = Files.list(target)) {
      if (list.findAny().isPresent() && !Files.exists(target.resolve(EXT_FILE))) {
        throw new MrtException(target + ": exists and is not a model directory written by mrt (no ext.json);"
            + " choose another output or remove it");
      }
    } catch (IOException e) {
      throw new MrtException(target + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
