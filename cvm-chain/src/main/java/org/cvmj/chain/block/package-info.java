/**
 * Blocks, receipts and the hashes Ethereum computes over them.
 *
 * <p>{@link org.cvmj.chain.block.BlockHeader} is a header with every Cancun field (older, shorter headers
 * encode through the same type) and its hash, the block hash; {@link org.cvmj.chain.block.Block} adds the
 * transactions and gives the block and body RLP. {@link org.cvmj.chain.block.Receipt} is a receipt in its
 * consensus encoding (typed receipts per EIP-2718), with the 2048-bit {@link org.cvmj.chain.block.LogsBloom}
 * of its logs. {@link org.cvmj.chain.block.OrderedTrie} gives the transactions and receipts roots (a trie keyed
 * by {@code RLP(index)}). {@link org.cvmj.chain.block.BaseFee} is EIP-1559's base fee update,
 * {@link org.cvmj.chain.block.GasLimit} the bounds on a gas limit's change, and
 * {@link org.cvmj.chain.block.HeaderRules} the checks of a header against its parent, failing with an
 * {@link org.cvmj.chain.block.InvalidBlockException}. Decoding errors are {@link org.cvmj.chain.rlp.RlpException}s.
 */
package org.cvmj.chain.block;
