package org.cvmj.chain.db;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cvmj.chain.block.Block;
import org.cvmj.chain.block.BlockHeader;
import org.cvmj.chain.block.Receipt;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.crypto.Keccak256;
import org.cvmj.chain.evm.Word;
import org.cvmj.chain.rlp.RlpWriter;
import org.cvmj.chain.trie.Trie;
import org.cvmj.chain.tx.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class ChainDatabaseTest {
  @TempDir Path dir;

  private static List<TestChain.Built> writeBlocks(ChainDatabase db, int count) throws ChainDatabaseException {
    List<TestChain.Built> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      TestChain.Built b = TestChain.next(db);
      db.writeBlock(b.block(), b.receipts(), b.nodes());
      out.add(b);
    }
    return out;
  }

  @Test
  void blocksReceiptsLookupsAndStateSurviveReopening() throws Exception {
    List<TestChain.Built> written;
    try (ChainDatabase db = ChainDatabase.open(dir, TestChain.CHAIN_ID)) {
      assertTrue(db.head().isEmpty());
      written = writeBlocks(db, 4);
      assertEquals(3, db.head().orElseThrow().number());
    }
    try (ChainDatabase db = ChainDatabase.open(dir, TestChain.CHAIN_ID)) {
      BlockHeader head = db.head().orElseThrow();
      assertEquals(written.get(3).block().header(), head);
      assertEquals(3, TestChain.checkConsistent(db));
      for (TestChain.Built b : written) {
        Block block = b.block();
        assertEquals(block.header(), db.header(block.hash()).orElseThrow());
        assertEquals(block.hash(), db.canonicalHash(block.number()).orElseThrow());
        Block stored = db.block(block.hash()).orElseThrow();
        assertArrayEquals(block.encode(), stored.encode());
        assertEquals(b.receipts(), db.receipts(block.hash()).orElseThrow());
      }
      Block two = written.get(2).block();
      Transaction second = two.transactions().get(1);
      assertEquals(new TxLocation(two.hash(), 2, 1), db.transactionLocation(second.hash()).orElseThrow());
      Receipt receipt = db.receipts(two.hash()).orElseThrow().get(1);
      assertEquals(51_000, receipt.cumulativeGasUsed());
      assertEquals(List.of(Word.of(2)), receipt.logs().get(0).topics());
      assertTrue(two.header().logsBloom().mayContain(TestChain.CONTRACT));
      assertTrue(db.canonicalHash(4).isEmpty());
      assertTrue(db.transactionLocation(Keccak256.hash(new byte[] {1})).isEmpty());
      // Every node the head's state trie needs was written with some block, and older roots still resolve.
      Trie old = new Trie(db.nodeStore(), written.get(1).block().header().stateRoot());
      assertArrayEquals(TestChain.stateValue(1), old.get(TestChain.stateKey(1)));
      assertNull(old.get(TestChain.stateKey(2)));
      // Writing continues from the stored head.
      writeBlocks(db, 1);
      assertEquals(4, db.head().orElseThrow().number());
    }
  }

  @Test
  void rewindDropsLaterBlocksAtomicallyAndPersists() throws Exception {
    List<TestChain.Built> written;
    try (ChainDatabase db = ChainDatabase.open(dir, TestChain.CHAIN_ID)) {
      written = writeBlocks(db, 5); // blocks 0..4
      ChainDatabaseException beyond = assertThrows(ChainDatabaseException.class, () -> db.rewind(5));
      assertEquals(ChainDatabaseException.Reason.INVALID_WRITE, beyond.reason());
      assertEquals("cannot rewind to block 5: the head is block 4", beyond.getMessage());
      assertThrows(ChainDatabaseException.class, () -> db.rewind(-1));
      db.rewind(4); // to the head itself: nothing changes
      assertEquals(4, db.head().orElseThrow().number());
      db.rewind(2);
      assertEquals(written.get(2).block().header(), db.head().orElseThrow());
    }
    try (ChainDatabase db = ChainDatabase.open(dir, TestChain.CHAIN_ID)) {
      assertEquals(2, TestChain.checkConsistent(db));
      for (int n = 3; n <= 4; n++) {
        Block gone = written.get(n).block();
        assertTrue(db.canonicalHash(n).isEmpty());
        assertTrue(db.block(gone.hash()).isEmpty());
        assertTrue(db.receipts(gone.hash()).isEmpty());
        for (Transaction tx : gone.transactions()) {
          assertTrue(db.transactionLocation(tx.hash()).isEmpty());
        }
      }
      // the kept state is whole, and the chain grows again from block 2
      Trie state = new Trie(db.nodeStore(), db.head().orElseThrow().stateRoot());
      assertArrayEquals(TestChain.stateValue(2), state.get(TestChain.stateKey(2)));
      writeBlocks(db, 1);
      assertEquals(3, TestChain.checkConsistent(db));
    }
  }

  @Test
  void rocksNodeStoreServesATrieAcrossReopening() throws Exception {
    Hash root;
    try (ChainDatabase db = ChainDatabase.open(dir, TestChain.CHAIN_ID)) {
      Trie trie = new Trie(db.nodeStore());
      for (int i = 0; i < 100; i++) {
        trie.put(new RlpWriter().writeLong(i).toByteArray(), ("node value " + i).getBytes(US_ASCII));
      }
      root = trie.commit();
      assertFalse(root.equals(Trie.EMPTY_ROOT));
    }
    try (ChainDatabase db = ChainDatabase.open(dir, TestChain.CHAIN_ID)) {
      Trie trie = new Trie(db.nodeStore(), root);
      for (int i = 0; i < 100; i++) {
        assertArrayEquals(("node value " + i).getBytes(US_ASCII), trie.get(new RlpWriter().writeLong(i)
            .toByteArray()));
      }
      byte[] rootNode = db.nodeStore().get(root);
      assertEquals(root, Keccak256.hash(rootNode));
    }
  }

  @Test
  void anotherChainsDirectoryIsRefused() throws Exception {
    ChainDatabase.open(dir, TestChain.CHAIN_ID).close();
    ChainDatabaseException e = assertThrows(ChainDatabaseException.class,
        () -> ChainDatabase.open(dir, BigInteger.ONE));
    assertEquals(ChainDatabaseException.Reason.WRONG_CHAIN, e.reason());
    assertTrue(e.getMessage().contains("holds chain id 1337, not 1"), e.getMessage());
    // The refusal released the database: the right chain id still opens it.
    ChainDatabase.open(dir, TestChain.CHAIN_ID).close();
  }

  @Test
  void anotherSchemaVersionIsRefused() throws Exception {
    ChainDatabase.open(dir, TestChain.CHAIN_ID).close();
    byte[] v2 = new RlpWriter().startList().writeBytes("cvm-chain".getBytes(US_ASCII)).writeLong(2)
        .writeBigInteger(TestChain.CHAIN_ID).endList().toByteArray();
    rawPut("default", "meta".getBytes(US_ASCII), v2);
    ChainDatabaseException e = assertThrows(ChainDatabaseException.class,
        () -> ChainDatabase.open(dir, TestChain.CHAIN_ID));
    assertEquals(ChainDatabaseException.Reason.INCOMPATIBLE, e.reason());
    assertTrue(e.getMessage().contains("schema version 2"), e.getMessage());
  }

  @Test
  void aForeignRocksDbIsRefused() throws Exception {
    try (Options o = new Options().setCreateIfMissing(true); RocksDB db = RocksDB.open(o, dir.toString())) {
      db.put(new byte[] {1}, new byte[] {2});
    }
    ChainDatabaseException e = assertThrows(ChainDatabaseException.class,
        () -> ChainDatabase.open(dir, TestChain.CHAIN_ID));
    assertEquals(ChainDatabaseException.Reason.INCOMPATIBLE, e.reason());
    assertTrue(e.getMessage().contains("not a cvm-chain database"), e.getMessage());
  }

  @Test
  void aDamagedHeaderIsReportedAsCorrupt() throws Exception {
    Hash hash;
    try (ChainDatabase db = ChainDatabase.open(dir, TestChain.CHAIN_ID)) {
      hash = writeBlocks(db, 2).get(0).block().hash();
    }
    rawPut("headers", hash.bytes(), new byte[] {(byte) 0xc3, 1, 2});
    try (ChainDatabase db = ChainDatabase.open(dir, TestChain.CHAIN_ID)) {
      ChainDatabaseException e = assertThrows(ChainDatabaseException.class, () -> db.header(hash));
      assertEquals(ChainDatabaseException.Reason.CORRUPT, e.reason());
      assertTrue(e.getMessage().contains("header of block " + hash), e.getMessage());
    }
  }

  @Test
  void writesThatDoNotFitTheChainChangeNothing() throws Exception {
    try (ChainDatabase db = ChainDatabase.open(dir, TestChain.CHAIN_ID)) {
      TestChain.Built genesis = TestChain.next(db);
      db.writeBlock(genesis.block(), genesis.receipts(), genesis.nodes());
      TestChain.Built one = TestChain.next(db);
      // Receipts that do not match the header's receipts root.
      List<Receipt> swapped = List.of(one.receipts().get(1), one.receipts().get(0));
      ChainDatabaseException e = assertThrows(ChainDatabaseException.class,
          () -> db.writeBlock(one.block(), swapped, one.nodes()));
      assertEquals(ChainDatabaseException.Reason.INVALID_WRITE, e.reason());
      assertTrue(e.getMessage().contains("receiptsRoot"), e.getMessage());
      // A trie node under the wrong key.
      Map<Hash, byte[]> bad = new HashMap<>(one.nodes());
      bad.put(Hash.ZERO, new byte[] {(byte) 0xc0});
      e = assertThrows(ChainDatabaseException.class, () -> db.writeBlock(one.block(), one.receipts(), bad));
      assertTrue(e.getMessage().contains("does not hash to it"), e.getMessage());
      // The genesis block again: it does not extend the head.
      e = assertThrows(ChainDatabaseException.class,
          () -> db.writeBlock(genesis.block(), genesis.receipts(), Map.of()));
      assertTrue(e.getMessage().contains("does not extend the head, block 0"), e.getMessage());
      assertEquals(genesis.block().header(), db.head().orElseThrow());
      assertTrue(db.header(one.block().hash()).isEmpty());
      assertTrue(db.transactionLocation(one.block().transactions().get(0).hash()).isEmpty());
      db.writeBlock(one.block(), one.receipts(), one.nodes());
      assertEquals(1, TestChain.checkConsistent(db));
    }
  }

  @Test
  void theFirstBlockMustBeBlockZero() throws Exception {
    try (ChainDatabase db = ChainDatabase.open(dir, TestChain.CHAIN_ID)) {
      TestChain.Built genesis = TestChain.next(db);
      db.writeBlock(genesis.block(), genesis.receipts(), genesis.nodes());
      TestChain.Built one = TestChain.next(db);
      try (ChainDatabase other = ChainDatabase.open(dir.resolve("other"), TestChain.CHAIN_ID)) {
        ChainDatabaseException e = assertThrows(ChainDatabaseException.class,
            () -> other.writeBlock(one.block(), one.receipts(), one.nodes()));
        assertTrue(e.getMessage().contains("first block must be block 0, not 1"), e.getMessage());
      }
    }
  }

  @Test
  void aDatabaseInUseCannotBeOpenedTwiceAndAClosedOneRefusesUse() throws Exception {
    ChainDatabase db = ChainDatabase.open(dir, TestChain.CHAIN_ID);
    ChainDatabaseException e = assertThrows(ChainDatabaseException.class,
        () -> ChainDatabase.open(dir, TestChain.CHAIN_ID));
    assertEquals(ChainDatabaseException.Reason.STORAGE, e.reason());
    assertTrue(e.getMessage().contains("is another node using it?"), e.getMessage());
    db.close();
    e = assertThrows(ChainDatabaseException.class, () -> db.canonicalHash(0));
    assertTrue(e.getMessage().contains("is closed"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> db.nodeStore().get(Hash.ZERO));
    db.close(); // closing twice is harmless
  }

  /** Writes one record behind the database's back, as damage or another release would. */
  private void rawPut(String family, byte[] key, byte[] value) throws Exception {
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    try (Options o = new Options()) {
      for (byte[] name : RocksDB.listColumnFamilies(o, dir.toString())) {
        descriptors.add(new ColumnFamilyDescriptor(name));
      }
    }
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try (DBOptions o = new DBOptions(); RocksDB db = RocksDB.open(o, dir.toString(), descriptors, handles)) {
      for (int i = 0; i < descriptors.size(); i++) {
        if (new String(descriptors.get(i).getName(), US_ASCII).equals(family)) {
          db.put(handles.get(i), key, value);
        }
      }
      for (ColumnFamilyHandle h : handles) {
        h.close();
      }
    }
  }
}
