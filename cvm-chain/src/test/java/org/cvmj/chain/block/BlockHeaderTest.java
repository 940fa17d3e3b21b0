package org.cvmj.chain.block;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.crypto.Hex;
import org.cvmj.chain.rlp.RlpException;
import org.junit.jupiter.api.Test;

class BlockHeaderTest {

  @Test
  void emptyOmmersHashAndEmptyTrieRootAreEthereumsConstants() {
    assertEquals("0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347",
        BlockHeader.EMPTY_OMMERS_HASH.toHex());
    assertEquals("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421",
        BlockHeader.EMPTY_ROOT.toHex());
  }

  /** Ethereum mainnet's genesis block: a 15-field (pre-London) header with a proof-of-work nonce. */
  @Test
  void mainnetGenesisHash() throws RlpException {
    BlockHeader genesis = new BlockHeader(Hash.ZERO, BlockHeader.EMPTY_OMMERS_HASH, Address.ZERO,
        Hash.fromHex("0xd7f8974fb5ac78d9ac099b9ad5018bedc2ce0a72dad1827a1709da30580f0544"),
        BlockHeader.EMPTY_ROOT, BlockHeader.EMPTY_ROOT, LogsBloom.EMPTY, BigInteger.valueOf(0x400000000L), 0,
        5000, 0, 0, Hex.decode("0x11bbe8db4e347b4e8c937c1c8370e4b5ed33adb3db69cbdb7a38e1e50b1b82fa"), Hash.ZERO,
        0x42, null, null, null, null, null);
    assertEquals("0xd4e56740f876aef8c010b86a40d5f56745a118d0906a34e69aec8c0db1cb8fa3", genesis.hash().toHex());
    assertEquals(genesis, BlockHeader.decode(genesis.encode()));
  }

  static BlockHeader cancunHeader() {
    return BlockHeader.cancun(Hash.fromHex("0x" + "11".repeat(32)), Address.fromHex("0x" + "22".repeat(20)),
        Hash.fromHex("0x" + "33".repeat(32)), BlockHeader.EMPTY_ROOT, BlockHeader.EMPTY_ROOT, LogsBloom.EMPTY,
        1, 30_000_000, 21_000, 0x65000000L, new byte[0], Hash.fromHex("0x" + "44".repeat(32)),
        BigInteger.valueOf(7), 0, 0, Hash.fromHex("0x" + "55".repeat(32)));
  }

  @Test
  void cancunHeaderRlpByHand() throws RlpException {
    BlockHeader h = cancunHeader();
    String empty = "56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421";
    // 8 hashes of 33 bytes, coinbase 21, bloom 259, and 28 bytes of small fields: 572 = 0x023c payload bytes.
    String expected = "f9023c"
        + "a0" + "11".repeat(32)                                               // parentHash
        + "a0" + "1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347" // ommersHash
        + "94" + "22".repeat(20)                                              // coinbase
        + "a0" + "33".repeat(32)                                              // stateRoot
        + "a0" + empty + "a0" + empty                                         // transactions, receipts roots
        + "b90100" + "00".repeat(256)                                         // logsBloom
        + "80"                                                                // difficulty 0
        + "01"                                                                // number 1
        + "8401c9c380"                                                        // gasLimit 30,000,000
        + "825208"                                                            // gasUsed 21,000
        + "8465000000"                                                        // timestamp
        + "80"                                                                // extraData
        + "a0" + "44".repeat(32)                                              // mixHash (prevRandao)
        + "880000000000000000"                                                // nonce: 8 bytes, always
        + "07"                                                                // baseFeePerGas 7
        + "a0" + empty                                                        // withdrawalsRoot
        + "80" + "80"                                                         // blobGasUsed, excessBlobGas
        + "a0" + "55".repeat(32);                                             // parentBeaconBlockRoot
    assertEquals("0x" + expected, Hex.encode(h.encode()));
    BlockHeader back = BlockHeader.decode(h.encode());
    assertEquals(h, back);
    assertEquals(h.hash(), back.hash());
    assertEquals(1, back.number());
    assertEquals(30_000_000, back.gasLimit());
    assertEquals(Long.valueOf(0), back.excessBlobGas());
    assertTrue(back.isCancun());
  }

  @Test
  void headersWithAMissingCancunFieldOrTrailingBytesAreRejected() {
    byte[] enc = cancunHeader().encode();
    byte[] trailing = java.util.Arrays.copyOf(enc, enc.length + 1);
    RlpException e = assertThrows(RlpException.class, () -> BlockHeader.decode(trailing));
    assertTrue(e.getMessage().contains("unexpected byte"), e.getMessage());
    // Drop the last field (parentBeaconBlockRoot, 33 bytes) and fix the list length: 572 - 33 = 539 = 0x021b.
    byte[] nineteen = new byte[enc.length - 33];
    System.arraycopy(enc, 0, nineteen, 0, nineteen.length);
    nineteen[1] = 0x02;
    nineteen[2] = 0x1b;
    e = assertThrows(RlpException.class, () -> BlockHeader.decode(nineteen));
    assertTrue(e.getMessage().contains("19 fields"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new BlockHeader(Hash.ZERO, Hash.ZERO, Address.ZERO,
        Hash.ZERO, Hash.ZERO, Hash.ZERO, LogsBloom.EMPTY, BigInteger.ZERO, 0, 0, 0, 0, new byte[0], Hash.ZERO, 0,
        null, null, 0L, 0L, Hash.ZERO));
  }

  @Test
  void childRulesCheckBaseFeeAndGasLimit() throws InvalidBlockException {
    BlockHeader parent = cancunHeader();
    BlockHeader good = child(parent, parent.gasLimit(), BaseFee.next(parent), parent.timestamp() + 12);
    HeaderRules.checkChild(parent, good);
    // The parent used 21,000 of 30M gas, far below the 15M target: 7 - floor(7 * 14_979_000 / 15M / 8) = 7.
    assertEquals(BigInteger.valueOf(7), good.baseFeePerGas());
    InvalidBlockException e = assertThrows(InvalidBlockException.class,
        () -> HeaderRules.checkChild(parent, child(parent, parent.gasLimit(), BigInteger.valueOf(8),
            parent.timestamp() + 12)));
    assertTrue(e.getMessage().contains("base fee 8 is not 7"), e.getMessage());
    e = assertThrows(InvalidBlockException.class, () -> HeaderRules.checkChild(parent,
        child(parent, parent.gasLimit() * 2, BigInteger.valueOf(7), parent.timestamp() + 12)));
    assertTrue(e.getMessage().contains("gas limit"), e.getMessage());
    e = assertThrows(InvalidBlockException.class, () -> HeaderRules.checkChild(parent,
        child(parent, parent.gasLimit(), BigInteger.valueOf(7), parent.timestamp())));
    assertTrue(e.getMessage().contains("timestamp"), e.getMessage());
  }

  private static BlockHeader child(BlockHeader parent, long gasLimit, BigInteger baseFee, long timestamp) {
    return BlockHeader.cancun(parent.hash(), parent.coinbase(), parent.stateRoot(), BlockHeader.EMPTY_ROOT,
        BlockHeader.EMPTY_ROOT, LogsBloom.EMPTY, parent.number() + 1, gasLimit, 0, timestamp, new byte[0],
        Hash.ZERO, baseFee, 0, 0, Hash.ZERO);
  }
}
