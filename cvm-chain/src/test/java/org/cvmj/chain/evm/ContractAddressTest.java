package org.cvmj.chain.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cvmj.chain.crypto.Address;
import org.junit.jupiter.api.Test;

class ContractAddressTest {
  @Test
  void createAddressesFromSenderAndNonce() {
    Address sender = Address.fromHex("6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0");
    assertEquals(Address.fromHex("cd234a471b72ba2f1ccf0a70fcaba648a5eecd8d"), ContractAddress.create(sender, 0));
    assertEquals(Address.fromHex("343c43a37d37dff08ae8c4a11544c718abb4fcf8"), ContractAddress.create(sender, 1));
    assertEquals(Address.fromHex("f778b86fa74e846c4f0a1fbd1335fe81c00a0c91"), ContractAddress.create(sender, 2));
    assertEquals(Address.fromHex("fffd933a0bc612844eaf0c6fe3e5b8e9b6c1d19c"), ContractAddress.create(sender, 3));
  }

  /** The examples of EIP-1014. */
  @Test
  void create2AddressesFromEip1014() {
    Address zero = Address.ofLong(0);
    assertEquals(Address.fromHex("4d1a2e2bb4f88f0250f26ffff098b0b30b26bf38"),
        ContractAddress.create2(zero, Word.ZERO, Asm.bytes("00")));
    assertEquals(Address.fromHex("b928f69bb1d91cd65274e3c79d8986362984fda3"),
        ContractAddress.create2(Address.fromHex("deadbeef00000000000000000000000000000000"), Word.ZERO,
            Asm.bytes("00")));
    assertEquals(Address.fromHex("60f3f640a8508fc6a86d45df051962668e1e8ac7"),
        ContractAddress.create2(Address.fromHex("00000000000000000000000000000000deadbeef"),
            Word.fromHex("cafebabe"), Asm.bytes("deadbeef")));
    assertEquals(Address.fromHex("e33c0c7f7df4809055c3eba6c09cfe4baf1bd9e0"),
        ContractAddress.create2(zero, Word.ZERO, new byte[0]));
  }
}
