/**
 * The dev chain node's core: {@link org.cvmj.chain.chain.Chain} opens a chain over a
 * {@link org.cvmj.chain.db.ChainDatabase} from a {@link org.cvmj.chain.chain.Genesis} (creating block 0, or
 * checking it and continuing from the stored head), produces blocks from given transactions (validation,
 * execution on a {@link org.cvmj.chain.state.TrieWorldState}, receipts, header, one atomic write), and serves the
 * reads an Ethereum JSON-RPC server needs: state at a block, blocks, receipts
 * ({@link org.cvmj.chain.chain.StoredReceipt}), {@code eth_call} and gas estimation
 * (over the node's one call object, {@link org.cvmj.chain.tx.CallRequest}). {@link org.cvmj.chain.chain.DevAccounts} derives the funded
 * development accounts' keys from a fixed public seed.
 */
package org.cvmj.chain.chain;
