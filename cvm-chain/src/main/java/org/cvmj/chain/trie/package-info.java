/**
 * The Merkle Patricia Trie of the Ethereum Yellow Paper (appendix D), with roots equal to Ethereum's.
 *
 * <p>{@link org.cvmj.chain.trie.Trie} maps byte-string keys to non-empty byte-string values through leaf,
 * extension and branch nodes ({@link org.cvmj.chain.trie.Node}); keys are split into nibbles and compacted with
 * hex-prefix encoding ({@link org.cvmj.chain.trie.HexPrefix}); a node whose RLP is shorter than 32 bytes is
 * embedded in its parent, any other is referenced by its Keccak-256. {@link org.cvmj.chain.trie.SecureTrie}
 * hashes keys first, as the account and storage tries do. Nodes persist by hash in a
 * {@link org.cvmj.chain.trie.NodeStore}; {@link org.cvmj.chain.trie.Proof} builds and checks
 * {@code eth_getProof}-style Merkle proofs.
 */
package org.cvmj.chain.trie;
