package org.cvmj.chain.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.crypto.Hex;
import org.cvmj.chain.crypto.Secp256k1;
import org.cvmj.chain.rlp.RlpException;
import org.cvmj.chain.rlp.RlpItem;
import org.junit.jupiter.api.Test;

class TransactionTest {
  private static final BigInteger KEY = new BigInteger("46".repeat(32), 16);
  private static final Address TO = Address.fromHex("0x" + "35".repeat(20));

  /** The worked example of EIP-155. */
  @Test
  void eip155Example() throws Exception {
    Transaction tx = Transaction.legacy(BigInteger.ONE, 9, BigInteger.valueOf(20_000_000_000L), 21_000, TO,
        BigInteger.TEN.pow(18), new byte[0]);
    assertEquals("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53", tx.signingHash().toHex());
    Transaction signed = tx.sign(KEY);
    assertEquals("0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef"
        + "61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3"
        + "dc64214b297fb1966a3b6d83", Hex.encode(signed.encode()));
    assertEquals(Secp256k1.address(KEY), TransactionRules.validate(signed, 1));
    assertEquals(InvalidTransactionException.Reason.WRONG_CHAIN_ID,
        assertThrows(InvalidTransactionException.class, () -> TransactionRules.validate(signed, 5)).reason());
  }

  @Test
  void typedTransactionsRoundTripAndRecover() throws Exception {
    List<AccessListEntry> al = List.of(new AccessListEntry(TO, List.of(Hash.ZERO, Hash.fromHex("0x" + "01".repeat(32)))));
    Transaction t1 = Transaction.accessList(BigInteger.valueOf(7), 3, BigInteger.valueOf(1000), 100_000, TO,
        BigInteger.ONE, new byte[] {0, 1, 2}, al).sign(KEY);
    Transaction t2 = Transaction.dynamicFee(BigInteger.valueOf(7), 4, BigInteger.TWO, BigInteger.valueOf(50),
        100_000, null, BigInteger.ZERO, new byte[64], al).sign(KEY);
    for (Transaction t : List.of(t1, t2)) {
      Transaction back = TransactionReader.decode(t.encode());
      assertEquals(t, back);
      assertEquals(t.hash(), back.hash());
      assertEquals(Secp256k1.address(KEY), TransactionRules.validate(back, 7));
    }
    assertEquals(1, t1.encode()[0]);
    assertEquals(2, t2.encode()[0]);
    // 21000 + 32000 create + 64 zero bytes * 4 + 2 initcode words * 2 + 2400 + 2 * 1900
    assertEquals(21_000 + 32_000 + 256 + 4 + 2_400 + 3_800, IntrinsicGas.of(t2));
  }

  @Test
  void errorsNameFieldAndOffset() throws Exception {
    Transaction tx = Transaction.legacy(null, 0, BigInteger.ONE, 21_000, TO, BigInteger.ZERO, new byte[0]).sign(KEY);
    byte[] raw = tx.encode();
    // shorten the 20-byte recipient (header 0x94) to 19 bytes: the list still parses, the field is wrong
    int toAt = indexOf(raw, (byte) 0x94);
    raw[toAt] = (byte) 0x93;
    InvalidTransactionException e = assertThrows(InvalidTransactionException.class,
        () -> TransactionReader.decode(raw));
    assertEquals(InvalidTransactionException.Reason.WRONG_LENGTH, e.reason());
    assertTrue(e.getMessage().contains("to at byte offset " + toAt + " is 19 bytes"), e.getMessage());
  }

  /** Arbitrary bytes never escape as anything but the checked decoding errors. */
  @Test
  void garbageIsRejectedWithCheckedErrorsOnly() {
    Random rnd = new Random(42);
    byte[] valid = Transaction.dynamicFee(BigInteger.ONE, 1, BigInteger.ONE, BigInteger.TEN, 50_000, TO,
        BigInteger.TEN, new byte[] {1, 2, 3}, List.of(new AccessListEntry(TO, List.of(Hash.ZERO)))).sign(KEY)
        .encode();
    for (int i = 0; i < 5_000; i++) {
      byte[] b = valid.clone();
      int flips = 1 + rnd.nextInt(3);
      for (int f = 0; f < flips; f++) {
        b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
      }
      if (rnd.nextInt(4) == 0) {
        b = java.util.Arrays.copyOf(b, rnd.nextInt(b.length + 1));
      }
      try {
        TransactionRules.validate(TransactionReader.decode(b), 1);
      } catch (InvalidTransactionException expected) {
        // fine
      }
      try {
        RlpItem.decode(b);
      } catch (RlpException expected) {
        // fine
      }
    }
  }

  private static int indexOf(byte[] a, byte b) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
