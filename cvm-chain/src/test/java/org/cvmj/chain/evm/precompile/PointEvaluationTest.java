package org.cvmj.chain.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cvmj.chain.crypto.Address;
import org.junit.jupiter.api.Test;

/**
 * The ethereum/tests fixtures call 0x0a only with inputs that fail; the valid proofs here are public vectors
 * under the mainnet trusted setup: go-ethereum's core/vm/testdata/precompiles/pointEvaluation.json (VALID, also in
 * execution-spec-tests' precompile benchmarks) and a second proof for the same commitment at z = modulus − 1
 * (VALID_AT_LAST_ELEMENT, used by several EVM implementations' precompile tests).
 */
class PointEvaluationTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final String COMMITMENT =
      "8f59a8d2a1a625a17f3fea0fe5eb8c896db3764f3185481bc22f91b4aaffcca25f26936857bc3a7c2539ea8ec3a952b7";
  private static final String VERSIONED_HASH = "01e798154708fe7789429634053cbf9f99b619f9f084048927333fce637f549b";
  private static final String VALID = VERSIONED_HASH
      + "564c0a11a0f704f4fc3e8acfe0f8245f0ad1347b378fbf96e206da11a5d36306"
      + "24d25032e67a7e6a4910df5834b8fe70e6bcfeeac0352434196bdf4b2485d5a1"
      + COMMITMENT
      + "873033e038326e87ed3e1276fd140253fa08e9fc25fb2d9a98527fc22a2c9612fbeafdad446cbc7bcdbdcd780af2c16a";
  private static final String VALID_AT_LAST_ELEMENT = VERSIONED_HASH
      + "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000000"
      + "1522a4a7f34e1ea350ae07c29c96c7e79655aa926122e95fe69fcbd932ca49e9"
      + COMMITMENT
      + "a62ad71d14c5719385c0686f1871430475bf3a00f0aa3f7b8dd99a9abc2160744faf0070725e00b60ad9a026a15b1a8c";
  /** 4096 and the BLS12-381 scalar modulus, as EIP-4844 specifies the output. */
  private static final String SUCCESS = "0000000000000000000000000000000000000000000000000000000000001000"
      + "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001";
  private static final BigInteger MODULUS =
      new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);
  /** The compressed encoding of the G1 point at infinity. */
  private static final String INFINITY = "c0" + "00".repeat(47);

  private static String run(byte[] input) {
    byte[] out = new PointEvaluation().run(input);
    return out == null ? null : HEX.formatHex(out);
  }

  private static byte[] input(String hex) {
    return HEX.parseHex(hex);
  }

  /** The input with the 32-byte word at offset replaced. */
  private static byte[] withWord(String base, int offset, BigInteger value) {
    byte[] in = input(base);
    System.arraycopy(HEX.parseHex(String.format("%064x", value)), 0, in, offset, 32);
    return in;
  }

  /** An input for commitment whose versioned hash is right, with z, y and proof as given. */
  private static byte[] consistent(String commitment, String z, String y, String proof) {
    String hash = HEX.formatHex(PointEvaluation.versionedHash(HEX.parseHex(commitment)));
    return input(hash + z + y + commitment + proof);
  }

  @Test
  void validProofsReturnTheBlobSizeAndTheModulus() {
    assertEquals(SUCCESS, run(input(VALID)));
    assertEquals(SUCCESS, run(input(VALID_AT_LAST_ELEMENT)));
  }

  @Test
  void theVectorsVersionedHashIsDerivedFromItsCommitment() {
    assertEquals(VERSIONED_HASH, HEX.formatHex(PointEvaluation.versionedHash(HEX.parseHex(COMMITMENT))));
  }

  @Test
  void theZeroPolynomialIsZeroEverywhere() {
    // commitment and proof of the zero polynomial are the point at infinity, whatever the setup
    String z = "00".repeat(31) + "2a";
    assertEquals(SUCCESS, run(consistent(INFINITY, z, "00".repeat(32), INFINITY)));
    assertNull(run(consistent(INFINITY, z, "00".repeat(31) + "01", INFINITY)));
  }

  @Test
  void gasIsFlat() {
    PointEvaluation p = new PointEvaluation();
    assertEquals(50000, p.gas(input(VALID)));
    assertEquals(50000, p.gas(new byte[0]));
    assertEquals(50000, p.gas(new byte[1000]));
  }

  @Test
  void inputMustBeExactly192Bytes() {
    byte[] valid = input(VALID);
    assertNull(run(new byte[0]));
    assertNull(run(Arrays.copyOf(valid, 191)));
    assertNull(run(Arrays.copyOf(valid, 193))); // a trailing zero byte is not ignored
  }

  @Test
  void versionedHashMustMatchTheCommitment() {
    byte[] wrongVersion = input(VALID);
    wrongVersion[0] = 0x02;
    assertNull(run(wrongVersion));
    byte[] wrongDigest = input(VALID);
    wrongDigest[31] ^= 1;
    assertNull(run(wrongDigest));
    byte[] rawSha256 = input(VALID); // sha256(commitment) itself, without the version byte, is not accepted
    rawSha256[0] = (byte) 0xe7;
    assertNull(run(rawSha256));
  }

  @Test
  void zAndYMustBeCanonical() {
    // z + modulus and y + modulus still fit in 32 bytes and reduce to the valid values: rejected, not reduced
    BigInteger z = new BigInteger(VALID.substring(64, 128), 16);
    BigInteger y = new BigInteger(VALID.substring(128, 192), 16);
    assertNull(run(withWord(VALID, 32, z.add(MODULUS))));
    assertNull(run(withWord(VALID, 64, y.add(MODULUS))));
    assertNull(run(withWord(VALID, 32, MODULUS)));
    assertNull(run(withWord(VALID, 64, MODULUS)));
  }

  @Test
  void aProofThatDoesNotVerifyFails() {
    BigInteger y = new BigInteger(VALID.substring(128, 192), 16);
    assertNull(run(withWord(VALID, 64, y.add(BigInteger.ONE))));
    // the other vector's proof belongs to another point
    assertNull(run(input(VALID.substring(0, 288) + VALID_AT_LAST_ELEMENT.substring(288))));
  }

  @Test
  void malformedPointsFailTheCallWithoutAnException() {
    String z = VALID.substring(64, 128);
    String y = VALID.substring(128, 192);
    String proof = VALID.substring(288);
    String notAPoint = "ff".repeat(48);
    String uncompressedFlag = "00".repeat(48); // the compression bit is not set
    assertNull(run(consistent(COMMITMENT, z, y, notAPoint)));
    assertNull(run(consistent(COMMITMENT, z, y, uncompressedFlag)));
    assertNull(run(consistent(notAPoint, z, y, proof)));
    assertNull(run(consistent(uncompressedFlag, z, y, proof)));
  }

  @Test
  void registeredAtAddress0x0a() {
    PrecompiledContract p = Precompiles.cancun().get(Address.ofLong(0x0a));
    assertInstanceOf(PointEvaluation.class, p);
    assertEquals(SUCCESS, HEX.formatHex(p.run(input(VALID))));
  }

  @Test
  void concurrentCallsAgree() throws Exception {
    // the first of these may be the one that loads c-kzg and the trusted setup; all must see the same results
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<String[]>> tasks = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        tasks.add(() -> new String[] {run(input(VALID)), run(withWord(VALID, 64, BigInteger.ONE))});
      }
      for (Future<String[]> f : pool.invokeAll(tasks)) {
        assertArrayEquals(new String[] {SUCCESS, null}, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
