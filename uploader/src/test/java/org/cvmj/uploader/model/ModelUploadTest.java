package org.cvmj.uploader.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.cvmj.chain.models.ModelFile;
import org.cvmj.uploader.InvalidInputException;
import org.cvmj.uploader.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Hash;

class ModelUploadTest {
  @TempDir
  Path dir;

  @Test
  void parsesShapes() throws Exception {
    assertEquals(List.of(1L, 28L, 28L), InputShape.parse("1,28,28").dims());
    assertEquals(List.of(1L, 1L, 28L, 28L), InputShape.parse(" 1, 1 ,28,28 ").dims());
    assertEquals(List.of(2L, 3L), InputShape.parse("2x3").dims());
    assertEquals("1,28,28", InputShape.of(1, 28, 28).toString());
    String[][] bad = {
        {"", "--shape is empty; give the dimensions, e.g. 1,28,28"},
        {"1,a,3", "--shape 1,a,3: 'a' is not a whole number"},
        {"1,,3", "--shape 1,,3: '' is not a whole number"},
        {"1,0", "--shape 1,0: dimension 0 must be positive"},
        {"1,-2", "--shape 1,-2: dimension -2 must be positive"},
    };
    for (String[] b : bad) {
      assertEquals(b[1], assertThrows(InvalidInputException.class, () -> InputShape.parse(b[0])).getMessage());
    }
  }

  @Test
  void checksTheDeclaredShapeAgainstTheModel() throws Exception {
    ModelFiles mnist = ModelFiles.read(TestModels.mnist());
    assertEquals(InputShape.of(1, 1, 28, 28),
        ModelUpload.prepare(mnist, Optional.of(InputShape.of(1, 1, 28, 28)), 0, "", true).shape());
    assertEquals(InputShape.of(1, 1, 28, 28),
        ModelUpload.prepare(mnist, Optional.of(InputShape.of(1, 28, 28)), 0, "", true).shape());
    assertEquals(InputShape.of(1, 1, 28, 28), ModelUpload.prepare(mnist, Optional.empty(), 0, "", true).shape());
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> ModelUpload.prepare(mnist, Optional.of(InputShape.of(1, 3, 28, 28)), 0, "", true));
    assertEquals("--shape 1,3,28,28 does not match the model's input shape 1,1,28,28 (" + TestModels.mnist()
        + "); pass --shape 1,1,28,28 or 1,28,28", e.getMessage());
    assertEquals("without local verification the model is not loaded, so --shape is required",
        assertThrows(InvalidInputException.class, () -> ModelUpload.prepare(mnist, Optional.empty(), 0, "", false))
            .getMessage());
    assertEquals("--fee -1 must not be negative", assertThrows(InvalidInputException.class,
        () -> ModelUpload.prepare(mnist, Optional.empty(), -1, "", true)).getMessage());
  }

  @Test
  void readsFilesHashesThemAndCutsChunks() throws Exception {
    Path model = TestModels.dense(dir.resolve("m"), 1000, 1);
    ModelFiles f = ModelFiles.read(model);
    byte[] params = Files.readAllBytes(model.resolve("params"));
    assertEquals(Hash.sha3(params).length, 32);
    assertEquals(org.web3j.utils.Numeric.toHexString(Hash.sha3(params)),
        org.web3j.utils.Numeric.toHexString(f.hash(ModelFile.PARAMS)));
    List<Chunk> chunks = f.chunks();
    assertEquals(1 + (params.length + 65_535) / 65_536, chunks.size());
    assertEquals(new Chunk(ModelFile.SYMBOL, 0), chunks.get(0));
    assertEquals(new Chunk(ModelFile.PARAMS, 0), chunks.get(1));
    Chunk last = chunks.get(chunks.size() - 1);
    assertEquals(params.length - 65_536 * last.index(), f.chunk(last).length);
    assertEquals(65_536, f.chunk(chunks.get(1)).length);
    assertEquals(params[65_536], f.chunk(new Chunk(ModelFile.PARAMS, 1))[0]);

    Path empty = dir.resolve("empty");
    Files.createDirectories(empty);
    assertEquals("--model " + dir.resolve("nope") + " is not a directory; it must hold 'symbol' and 'params'",
        assertThrows(InvalidInputException.class, () -> ModelFiles.read(dir.resolve("nope"))).getMessage());
    assertEquals("the symbol file " + empty.resolve("symbol") + " does not exist",
        assertThrows(InvalidInputException.class, () -> ModelFiles.read(empty)).getMessage());
    Files.write(empty.resolve("symbol"), new byte[0]);
    assertEquals("the symbol file " + empty.resolve("symbol") + " is empty",
        assertThrows(InvalidInputException.class, () -> ModelFiles.read(empty)).getMessage());
  }
}
