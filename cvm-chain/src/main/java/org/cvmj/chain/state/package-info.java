/**
 * Commitments to the world state: {@link org.cvmj.chain.state.StateRoot} computes the Ethereum state root (the
 * secure account trie over per-account secure storage tries) of an {@link org.cvmj.chain.evm.InMemoryWorldState},
 * and {@link org.cvmj.chain.state.LogsHash} the keccak of a transaction's RLP-encoded logs. A trie-backed,
 * persistent world state (RocksDB) will live here too.
 */
package org.cvmj.chain.state;
