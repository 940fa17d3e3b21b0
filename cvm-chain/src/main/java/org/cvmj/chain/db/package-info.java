/**
 * Persistence of the chain in RocksDB.
 *
 * <p>{@link org.cvmj.chain.db.ChainDatabase} keeps headers, bodies and receipts by block hash, the canonical
 * number-to-hash index, a transaction-hash lookup ({@link org.cvmj.chain.db.TxLocation}), trie nodes and the
 * head pointer in separate column families, plus a metadata record (schema version, chain id) that stops a
 * node from opening another chain's data. Each block is written with everything it brings in one synced,
 * atomic write batch, so a {@code kill -9} at any moment loses no block whose write returned.
 * {@link org.cvmj.chain.db.RocksNodeStore} is the trie's {@link org.cvmj.chain.trie.NodeStore} over the nodes
 * column family, and {@link org.cvmj.chain.db.PendingNodes} collects the nodes a block's tries commit until the
 * block is written. Failures are {@link org.cvmj.chain.db.ChainDatabaseException}s with a reason.
 */
package org.cvmj.chain.db;
