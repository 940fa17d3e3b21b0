package org.cvmj.chain.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.junit.jupiter.api.Test;

class PrecompilesTest {
  private static final HexFormat HEX = HexFormat.of();

  private static byte[] hex(String s) {
    return HEX.parseHex(s.replace(" ", ""));
  }

  private static String hex(byte[] b) {
    return HEX.formatHex(b);
  }

  private static String word(BigInteger v) {
    return String.format("%064x", v);
  }

  @Test
  void ecrecoverRecoversTheSigner() {
    // go-ethereum's ecrecover vector: a signature by the well-known test key of 0xa94f5374...
    byte[] in = hex("18c547e4f7b0f325ad1e56f57e26c745b09a3e503d86e00e5255ff7f715d3d1c"
        + "000000000000000000000000000000000000000000000000000000000000001c"
        + "73b1693892219d736caba55bdb67216e485557ea6b6af75f37096c9aa6a5a75f"
        + "eeb940b1d03b21e36b0e47e79769f095fe2ab855bd91e3a38756b7d75a9c4549");
    Ecrecover p = new Ecrecover();
    assertEquals(3000, p.gas(in));
    assertEquals("000000000000000000000000a94f5374fce5edbc8e2a8697c15331677e6ebf0b", hex(p.run(in)));
  }

  @Test
  void ecrecoverReturnsNothingForInvalidSignatures() {
    byte[] in = hex("18c547e4f7b0f325ad1e56f57e26c745b09a3e503d86e00e5255ff7f715d3d1c"
        + "000000000000000000000000000000000000000000000000000000000000001d" // v = 29
        + "73b1693892219d736caba55bdb67216e485557ea6b6af75f37096c9aa6a5a75f"
        + "eeb940b1d03b21e36b0e47e79769f095fe2ab855bd91e3a38756b7d75a9c4549");
    assertEquals(0, new Ecrecover().run(in).length);
    assertEquals(0, new Ecrecover().run(new byte[0]).length); // all zero: r = 0
  }

  @Test
  void sha256AndRipemd160AndIdentity() {
    byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hex(new Sha256Hash().run(abc)));
    assertEquals(72, new Sha256Hash().gas(abc));
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        hex(new Sha256Hash().run(new byte[0])));
    assertEquals("0000000000000000000000008eb208f7e05d987a9b044a8e98c6b087f15a0bfc",
        hex(new Ripemd160Hash().run(abc)));
    assertEquals(720, new Ripemd160Hash().gas(abc));
    assertEquals(600 + 120 * 2, new Ripemd160Hash().gas(new byte[33]));
    assertArrayEquals(abc, new Identity().run(abc));
    assertEquals(18, new Identity().gas(abc));
    assertEquals(15, new Identity().gas(new byte[0]));
  }

  @Test
  void modexpEip198ExamplesWithEip2565Gas() {
    // 3^(p-1) mod p = 1 for the secp256k1 field prime p (Fermat)
    byte[] fermat = hex(word(BigInteger.ONE) + word(BigInteger.valueOf(32)) + word(BigInteger.valueOf(32))
        + "03"
        + "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e"
        + "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f");
    ModExp m = new ModExp();
    assertEquals(word(BigInteger.ONE), hex(m.run(fermat)));
    // ceil(32/8)² = 16; exponent of 32 bytes with bit length 256: 255 iterations; 16·255/3 = 1360
    assertEquals(1360, m.gas(fermat));
    // modulus 0 gives zeros
    byte[] zeroMod = hex(word(BigInteger.ZERO) + word(BigInteger.valueOf(32)) + word(BigInteger.valueOf(32))
        + "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e");
    assertEquals(word(BigInteger.ZERO), hex(m.run(zeroMod)));
    assertEquals(1360, m.gas(zeroMod)); // priced by the lengths, whatever the modulus
  }

  @Test
  void modexpWithEmptyBaseAndModulusIgnoresTheExponentLength() {
    byte[] in = hex(word(BigInteger.ZERO) + word(BigInteger.ONE.shiftLeft(255)) + word(BigInteger.ZERO));
    assertEquals(200, new ModExp().gas(in));
    assertEquals(0, new ModExp().run(in).length);
  }

  @Test
  void modexpSmall() {
    // 2^10 mod 1000 = 24, two-byte modulus output
    byte[] in = hex(word(BigInteger.ONE) + word(BigInteger.ONE) + word(BigInteger.TWO) + "02" + "0a" + "03e8");
    assertEquals("0018", hex(new ModExp().run(in)));
    assertEquals(200, new ModExp().gas(in));
  }

  @Test
  void bn128AddAndMulOnTheGenerator() {
    String g = word(BigInteger.ONE) + word(BigInteger.TWO);
    // 2G, as published for alt_bn128
    String twoG = "030644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd3"
        + "15ed738c0e0a7c92e7845f96b2ae9c0a68a6a449e3538fc7ff3ebf7a5a18a2c4";
    assertEquals(twoG, hex(new Bn128Add().run(hex(g + g))));
    assertEquals(twoG, hex(new Bn128Mul().run(hex(g + word(BigInteger.TWO)))));
    // n·G is the point at infinity, encoded as zeros
    assertEquals("00".repeat(64), hex(new Bn128Mul().run(hex(g + word(AltBn128.N)))));
    // G + infinity = G; empty input is infinity + infinity
    assertEquals(g, hex(new Bn128Add().run(hex(g + "00".repeat(64)))));
    assertEquals("00".repeat(64), hex(new Bn128Add().run(new byte[0])));
    // (1, 3) is not on the curve
    assertNull(new Bn128Add().run(hex(word(BigInteger.ONE) + word(BigInteger.valueOf(3)))));
    assertEquals(150, new Bn128Add().gas(new byte[0]));
    assertEquals(6000, new Bn128Mul().gas(new byte[0]));
  }

  /** EIP-152 vector 5: 12 rounds over "abc", which is BLAKE2b-512("abc"). */
  @Test
  void blake2fComputesTheEip152Vector() {
    String in = "0000000c"
        + "48c9bdf267e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5"
        + "d182e6ad7f520e511f6c3e2b8c68059b6bbd41fbabd9831f79217e1319cde05b"
        + "6162630000000000000000000000000000000000000000000000000000000000"
        + "0000000000000000000000000000000000000000000000000000000000000000"
        + "0000000000000000000000000000000000000000000000000000000000000000"
        + "0000000000000000000000000000000000000000000000000000000000000000"
        + "03000000000000000000000000000000"
        + "01";
    String expected = "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
        + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923";
    Blake2F f = new Blake2F();
    assertEquals(12, f.gas(hex(in)));
    assertEquals(expected, hex(f.run(hex(in))));
    Blake2bDigest d = new Blake2bDigest(512);
    d.update(new byte[] {'a', 'b', 'c'}, 0, 3);
    byte[] ref = new byte[64];
    d.doFinal(ref, 0);
    assertEquals(expected, hex(ref));
    // f must be 0 or 1, and the input exactly 213 bytes
    assertNull(f.run(hex(in.substring(0, in.length() - 2) + "02")));
    assertNull(f.run(hex(in.substring(2))));
  }
}
