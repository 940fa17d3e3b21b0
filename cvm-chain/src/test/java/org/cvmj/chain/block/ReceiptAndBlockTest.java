package org.cvmj.chain.block;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.crypto.Hex;
import org.cvmj.chain.crypto.Keccak256;
import org.cvmj.chain.evm.Log;
import org.cvmj.chain.evm.Word;
import org.cvmj.chain.rlp.RlpException;
import org.cvmj.chain.rlp.RlpWriter;
import org.cvmj.chain.tx.Transaction;
import org.cvmj.chain.tx.TxType;
import org.junit.jupiter.api.Test;

class ReceiptAndBlockTest {
  private static final BigInteger KEY =
      new BigInteger("45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8", 16);
  private static final BigInteger CHAIN = BigInteger.valueOf(1337);

  @Test
  void receiptEncodingByHand() throws RlpException {
    // [status, cumulativeGasUsed, bloom, logs]: 1 + 3 + 259 + 1 = 264 = 0x0108 payload bytes.
    String body = "825208" + "b90100" + "00".repeat(256) + "c0";
    Receipt ok = Receipt.of(TxType.LEGACY, true, 21_000, List.of());
    assertEquals("0xf90108" + "01" + body, Hex.encode(ok.encode()));
    Receipt failed = Receipt.of(TxType.DYNAMIC_FEE, false, 21_000, List.of());
    assertEquals("0x02f90108" + "80" + body, Hex.encode(failed.encode()));
    Receipt access = Receipt.of(TxType.ACCESS_LIST, true, 21_000, List.of());
    assertEquals("0x01f90108" + "01" + body, Hex.encode(access.encode()));
    assertEquals(ok, Receipt.decode(ok.encode()));
    assertEquals(failed, Receipt.decode(failed.encode()));
    assertEquals(TxType.ACCESS_LIST, Receipt.decode(access.encode()).type());
  }

  @Test
  void receiptWithLogsRoundTripsAndABadBloomIsRejected() throws RlpException {
    Log log = new Log(Address.ofLong(0x1234), List.of(Word.of(1), Word.of(2)), new byte[] {7, 8, 9});
    Receipt r = Receipt.of(TxType.DYNAMIC_FEE, true, 50_000, List.of(log));
    Receipt back = Receipt.decode(r.encode());
    assertEquals(r, back);
    assertEquals(List.of(Word.of(1), Word.of(2)), back.logs().get(0).topics());
    assertArrayEquals(new byte[] {7, 8, 9}, back.logs().get(0).data());
    Receipt lying = new Receipt(TxType.DYNAMIC_FEE, true, 50_000, LogsBloom.EMPTY, List.of(log));
    RlpException e = assertThrows(RlpException.class, () -> Receipt.decode(lying.encode()));
    assertTrue(e.getMessage().contains("bloom"), e.getMessage());
    e = assertThrows(RlpException.class, () -> Receipt.decode(new byte[] {3, (byte) 0xc0}));
    assertTrue(e.getMessage().contains("type 3"), e.getMessage());
  }

  @Test
  void singleItemRootIsTheLeafUnderRlpZero() {
    // One item: the root node is a leaf [hexPrefix(nibbles 8,0; leaf, even) = 0x20 0x80, value].
    byte[] value = Receipt.of(TxType.LEGACY, true, 21_000, List.of()).encode();
    byte[] leaf = new RlpWriter().startList().writeBytes(new byte[] {0x20, (byte) 0x80}).writeBytes(value)
        .endList().toByteArray();
    assertEquals(Keccak256.hash(leaf), OrderedTrie.root(List.of(value)));
    assertEquals(BlockHeader.EMPTY_ROOT, OrderedTrie.root(List.of()));
  }

  static List<Transaction> transactions() {
    Address to = Address.ofLong(0xbeef);
    Transaction legacy = Transaction.legacy(CHAIN, 0, BigInteger.TEN, 21_000, to, BigInteger.ONE, new byte[0])
        .sign(KEY);
    Transaction dynamic = Transaction.dynamicFee(CHAIN, 1, BigInteger.ONE, BigInteger.TEN, 30_000, to,
        BigInteger.TWO, new byte[] {1, 2}, List.of()).sign(KEY);
    return List.of(legacy, dynamic);
  }

  @Test
  void blockRoundTripsWithLegacyAsListAndTypedAsBytes() throws RlpException {
    List<Transaction> txs = transactions();
    BlockHeader h = BlockHeaderTest.cancunHeader();
    BlockHeader withRoot = BlockHeader.cancun(h.parentHash(), h.coinbase(), h.stateRoot(),
        OrderedTrie.transactionsRoot(txs), h.receiptsRoot(), h.logsBloom(), h.number(), h.gasLimit(), h.gasUsed(),
        h.timestamp(), h.extraData(), h.mixHash(), h.baseFeePerGas(), 0, 0, h.parentBeaconBlockRoot());
    Block block = new Block(withRoot, txs);
    Block back = Block.decode(block.encode());
    assertEquals(block.hash(), back.hash());
    assertEquals(txs.get(0).hash(), back.transactions().get(0).hash());
    assertEquals(txs.get(1).hash(), back.transactions().get(1).hash());
    assertEquals(withRoot.transactionsRoot(), OrderedTrie.transactionsRoot(back.transactions()));
    // Body: [[legacy list, typed envelope as a byte string], [], []].
    byte[] body = block.encodeBody();
    byte[] legacy = txs.get(0).encode();
    byte[] typed = txs.get(1).encode();
    byte[] expected = new RlpWriter().startList().startList().writeRaw(legacy).writeBytes(typed).endList()
        .startList().endList().startList().endList().endList().toByteArray();
    assertArrayEquals(expected, body);
    assertEquals(2, Block.decodeBody(withRoot, body).transactions().size());
    byte[] withOmmer = new RlpWriter().startList().startList().endList().startList().writeBytes(new byte[] {1})
        .endList().startList().endList().endList().toByteArray();
    RlpException e = assertThrows(RlpException.class, () -> Block.decodeBody(withRoot, withOmmer));
    assertTrue(e.getMessage().contains("ommers"), e.getMessage());
    assertEquals(Hash.LENGTH, block.hash().bytes().length);
  }
}
