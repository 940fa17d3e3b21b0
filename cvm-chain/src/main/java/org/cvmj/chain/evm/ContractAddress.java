package org.cvmj.chain.evm;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Keccak256;

/** Addresses of new contracts: CREATE from (sender, nonce), CREATE2 from (sender, salt, init code) (EIP-1014). */
public final class ContractAddress {
  private ContractAddress() {}

  /** keccak256(rlp([sender, nonce]))[12:]. */
  public static Address create(Address sender, long nonce) {
    byte[] addr = sender.bytes();
    byte[] nonceRlp = rlpUnsigned(nonce);
    int payload = 1 + addr.length + nonceRlp.length;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xc0 + payload); // payload is at most 1 + 20 + 9 < 56
    out.write(0x80 + addr.length);
    out.writeBytes(addr);
    out.writeBytes(nonceRlp);
    return fromHash(Keccak256.digest(out.toByteArray()));
  }

  /** keccak256(0xff ++ sender ++ salt ++ keccak256(initCode))[12:]. */
  public static Address create2(Address sender, Word salt, byte[] initCode) {
    byte[] buf = new byte[1 + 20 + 32 + 32];
    buf[0] = (byte) 0xff;
    System.arraycopy(sender.bytes(), 0, buf, 1, 20);
    salt.writeTo(buf, 21);
    System.arraycopy(Keccak256.digest(initCode), 0, buf, 53, 32);
    return fromHash(Keccak256.digest(buf));
  }

  private static Address fromHash(byte[] hash) {
    return new Address(Arrays.copyOfRange(hash, 12, 32));
  }

  /** RLP of an unsigned integer: 0x80 for zero, the byte itself below 0x80, else a short string. */
  private static byte[] rlpUnsigned(long v) {
    if (v == 0) return new byte[] {(byte) 0x80};
    if (v > 0 && v < 0x80) return new byte[] {(byte) v};
    int len = 8 - Long.numberOfLeadingZeros(v) / 8;
    byte[] out = new byte[1 + len];
    out[0] = (byte) (0x80 + len);
    for (int i = 0; i < len; i++) out[len - i] = (byte) (v >>> (8 * i));
    return out;
  }
}
