/**
 * The world state and commitments to it. {@link org.cvmj.chain.state.TrieWorldState} is the node's state: a
 * journaled {@link org.cvmj.chain.evm.WorldState} whose committed contents live in the Merkle Patricia Trie
 * (secure account trie, per-account secure storage tries, code under its hash in the same node store), loaded
 * lazily into a write-back cache and committed to a new state root at the end of a block.
 * {@link org.cvmj.chain.state.StateRoot} computes the Ethereum state root of an
 * {@link org.cvmj.chain.evm.InMemoryWorldState} (the reference the trie-backed state is tested against), and
 * {@link org.cvmj.chain.state.LogsHash} the keccak of a transaction's RLP-encoded logs.
 */
package org.cvmj.chain.state;
