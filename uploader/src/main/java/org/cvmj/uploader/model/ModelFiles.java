package org.cvmj.uploader.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cvmj.chain.models.ModelFile;
import org.cvmj.uploader.InvalidInputException;
import org.web3j.crypto.Hash;

/**
 * The bytes of a model's {@code symbol} and {@code params} files and their keccak256 hashes, which identify the
 * model to the registry. The arrays are shared, not copied: callers must not modify them.
 *
 * @param symbol the CVM symbol (JSON) file
 * @param params the CVM params (binary) file
 * @param source where the files came from, for messages
 */
public record ModelFiles(byte[] symbol, byte[] params, String source) {
  /** Reads {@code dir/symbol} and {@code dir/params}. */
  public static ModelFiles read(Path dir) throws IOException, InvalidInputException {
    if (!Files.isDirectory(dir)) {
      throw new InvalidInputException("--model " + dir + " is not a directory; it must hold 'symbol' and 'params'");
    }
    return read(dir.resolve(ModelFile.SYMBOL.fileName()), dir.resolve(ModelFile.PARAMS.fileName()), dir.toString());
  }

  /** Reads the two files from anywhere. */
  public static ModelFiles read(Path symbol, Path params) throws IOException, InvalidInputException {
    return read(symbol, params, symbol + " and " + params);
  }

  private static ModelFiles read(Path symbol, Path params, String source) throws IOException, InvalidInputException {
    return new ModelFiles(readFile(symbol, ModelFile.SYMBOL), readFile(params, ModelFile.PARAMS), source);
  }

  private static byte[] readFile(Path file, ModelFile what) throws IOException, InvalidInputException {
    try {
      byte[] bytes = Files.readAllBytes(file);
      if (bytes.length == 0) {
        throw new InvalidInputException("the " + what.fileName() + " file " + file + " is empty");
      }
      return bytes;
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("the " + what.fileName() + " file " + file + " does not exist");
    }
  }

  public byte[] bytes(ModelFile file) {
    return file == ModelFile.SYMBOL ? symbol : params;
  }

  /** keccak256 of {@code file}, as {@code register} declares it. */
  public byte[] hash(ModelFile file) {
    return Hash.sha3(bytes(file));
  }

  /** The bytes of one chunk: 64 KiB, or fewer for a file's last chunk. */
  public byte[] chunk(Chunk c) {
    byte[] all = bytes(c.file());
    int from = c.index() * Chunk.SIZE;
    return Arrays.copyOfRange(all, from, Math.min(all.length, from + Chunk.SIZE));
  }

  /** Every chunk of both files, symbol first. */
  public List<Chunk> chunks() {
    List<Chunk> all = new ArrayList<>();
    for (ModelFile f : ModelFile.values()) {
      for (int i = 0; i < Chunk.count(bytes(f).length); i++) {
        all.add(new Chunk(f, i));
      }
    }
    return all;
  }

  public long totalBytes() {
    return (long) symbol.length + params.length;
  }
}
