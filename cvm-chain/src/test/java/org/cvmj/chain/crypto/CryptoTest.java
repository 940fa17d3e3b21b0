package org.cvmj.chain.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class CryptoTest {

  @Test
  void keccakOfEmptyAndAbc() {
    assertEquals("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470", Keccak256.EMPTY.toHex());
    assertEquals("0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45",
        Keccak256.hash("abc".getBytes(StandardCharsets.US_ASCII)).toHex());
  }

  @Test
  void addressOfKnownPrivateKey() {
    BigInteger key = new BigInteger("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318", 16);
    assertEquals("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23", Secp256k1.address(key).toChecksumHex());
  }

  @Test
  void eip55ChecksumVectors() {
    for (String s : new String[] {"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"}) {
      assertEquals(s, Address.fromHex(s.toLowerCase()).toChecksumHex());
      assertEquals(s, Address.fromHex(s).toChecksumHex());
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Address.fromHex("0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"));
    assertTrue(e.getMessage().contains("checksum"), e.getMessage());
  }

  @Test
  void rfc6979SignatureIsDeterministicLowSAndRecovers() throws Exception {
    byte[] hash = MessageDigest.getInstance("SHA-256").digest("Satoshi Nakamoto".getBytes(StandardCharsets.US_ASCII));
    Signature sig = Secp256k1.sign(hash, BigInteger.ONE);
    assertEquals("934b1ea10a4b3c1757e2b0c017d0b6143ce3c9a7e6a4a49860d7a6ab210ee3d8", sig.r().toString(16));
    assertEquals("2442ce9d2b916064108014783e923ec36b49743e2ffa1c4496f01a512aafd9e5", sig.s().toString(16));
    assertEquals(Secp256k1.address(BigInteger.ONE), Secp256k1.recoverAddress(hash, sig, true));
  }

  @Test
  void recoveryRejectsOutOfRangeValues() {
    byte[] hash = Keccak256.digest(new byte[] {1});
    Signature good = Secp256k1.sign(hash, BigInteger.TWO);
    assertThrows(InvalidSignatureException.class,
        () -> Secp256k1.recoverAddress(hash, new Signature(2, good.r(), good.s()), true));
    assertThrows(InvalidSignatureException.class,
        () -> Secp256k1.recoverAddress(hash, new Signature(0, BigInteger.ZERO, good.s()), true));
    assertThrows(InvalidSignatureException.class,
        () -> Secp256k1.recoverAddress(hash, new Signature(0, good.r(), Secp256k1.N), true));
    Signature high = new Signature(1 - good.yParity(), good.r(), Secp256k1.N.subtract(good.s()));
    assertThrows(InvalidSignatureException.class, () -> Secp256k1.recoverAddress(hash, high, true));
    // without the EIP-2 rule the high-s twin recovers the same key (ecrecover semantics)
    assertEquals(Secp256k1.address(BigInteger.TWO), assertDoesNotThrow(() -> Secp256k1.recoverAddress(hash, high, false)));
  }

  private static <T> T assertDoesNotThrow(org.junit.jupiter.api.function.ThrowingSupplier<T> s) {
    return org.junit.jupiter.api.Assertions.assertDoesNotThrow(s);
  }

  @Test
  void hashAndAddressAreValuesWithDefensiveCopies() {
    byte[] b = new byte[32];
    Hash h = new Hash(b);
    b[0] = 1;
    assertEquals(Hash.ZERO, h);
    h.bytes()[0] = 1;
    assertEquals(Hash.ZERO, h);
    assertThrows(IllegalArgumentException.class, () -> new Address(new byte[19]));
    assertThrows(IllegalArgumentException.class, () -> Hash.fromHex("0x12"));
    assertThrows(IllegalArgumentException.class, () -> Hex.decode("0xzz"));
  }
}
