package org.cvmj.chain.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Bn128PairingTest {
  private static final String TRUE = "00".repeat(31) + "01";
  private static final String FALSE = "00".repeat(32);
  /** The G2 generator of EIP-197, as (x.real + x.imaginary·i, y.real + y.imaginary·i). */
  private static final Bn128Pairing.G2 G2_GEN = new Bn128Pairing.G2(
      new Fp2(new BigInteger("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
          new BigInteger("11559732032986387107991004021392285783925812861821192530917403151452391805634")),
      new Fp2(new BigInteger("8495653923123431417604973247489272438418190587263600148770280649306958101930"),
          new BigInteger("4082367875863433681332203403145435568316851327593401208105741076214120093531")));
  private static final AltBn128.G1 G1_GEN = new AltBn128.G1(BigInteger.ONE, BigInteger.TWO);

  private static String g1(AltBn128.G1 p) {
    return HexFormat.of().formatHex(p.encode());
  }

  private static String g2(Bn128Pairing.G2 q) {
    return String.format("%064x%064x%064x%064x", q.x().b(), q.x().a(), q.y().b(), q.y().a());
  }

  private static String run(String hex) {
    byte[] out = new Bn128Pairing().run(HexFormat.of().parseHex(hex));
    return out == null ? null : HexFormat.of().formatHex(out);
  }

  private static AltBn128.G1 neg(AltBn128.G1 p) {
    return new AltBn128.G1(p.x(), AltBn128.P.subtract(p.y()));
  }

  @Test
  void generatorIsOnTheTwistAndHasOrderN() {
    assertTrue(Bn128Pairing.onTwist(G2_GEN));
    assertNull(Bn128Pairing.mulG2(G2_GEN, AltBn128.N));
  }

  @Test
  void frobeniusIsThePthPowerAndTheFinalExponentSplitsCorrectly() {
    Fp12 x = Fp12.constant(BigInteger.valueOf(5)).add(Fp12.monomial(1)).add(Fp12.monomial(7).scale(BigInteger.TEN));
    assertEquals(x.pow(AltBn128.P), x.frobenius(1));
    assertEquals(x.pow(AltBn128.P.pow(2)), x.frobenius(2));
    BigInteger full = AltBn128.P.pow(12).subtract(BigInteger.ONE).divide(AltBn128.N);
    assertEquals(x.pow(full), Bn128Pairing.finalExponentiation(x));
  }

  @Test
  void emptyInputIsTrue() {
    assertEquals(TRUE, run(""));
    assertEquals(45000, new Bn128Pairing().gas(new byte[0]));
    assertEquals(45000 + 2 * 34000, new Bn128Pairing().gas(new byte[384]));
  }

  @Test
  void pairingIsNonDegenerateAndBilinear() {
    // e(G1, G2) ≠ 1
    assertEquals(FALSE, run(g1(G1_GEN) + g2(G2_GEN)));
    // e(G1, G2) · e(−G1, G2) = 1
    assertEquals(TRUE, run(g1(G1_GEN) + g2(G2_GEN) + g1(neg(G1_GEN)) + g2(G2_GEN)));
    // e(3·G1, 5·G2) · e(−15·G1, G2) = 1
    AltBn128.G1 a = AltBn128.mul(G1_GEN, BigInteger.valueOf(3));
    Bn128Pairing.G2 b = Bn128Pairing.mulG2(G2_GEN, BigInteger.valueOf(5));
    AltBn128.G1 c = neg(AltBn128.mul(G1_GEN, BigInteger.valueOf(15)));
    assertEquals(TRUE, run(g1(a) + g2(b) + g1(c) + g2(G2_GEN)));
    // e(3·G1, 5·G2) · e(−14·G1, G2) ≠ 1
    AltBn128.G1 d = neg(AltBn128.mul(G1_GEN, BigInteger.valueOf(14)));
    assertEquals(FALSE, run(g1(a) + g2(b) + g1(d) + g2(G2_GEN)));
  }

  @Test
  void pairsWithInfinityContributeOne() {
    assertEquals(TRUE, run("00".repeat(64) + g2(G2_GEN)));
    assertEquals(TRUE, run(g1(G1_GEN) + "00".repeat(128)));
  }

  @Test
  void invalidInputsFail() {
    assertNull(run("00".repeat(191)));
    // G1 point (1, 3) is not on the curve
    assertNull(run(String.format("%064x%064x", 1, 3) + g2(G2_GEN)));
    // a G2 point off the twist: perturb y
    Bn128Pairing.G2 off = new Bn128Pairing.G2(G2_GEN.x(), G2_GEN.y().add(Fp2.ONE));
    assertNull(run(g1(G1_GEN) + g2(off)));
  }
}
