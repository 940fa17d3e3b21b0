/**
 * The development node behind {@code cvm-chain node --dev}. {@link org.cvmj.chain.node.DevNode} is the
 * {@link org.cvmj.chain.rpc.NodeBackend} over a {@link org.cvmj.chain.chain.Chain}: a transaction pool
 * ({@code TxPool}: per-sender nonce order, queued future nonces, 10% replacement bump), automine or interval
 * mining, timestamps from the clock plus {@code evm_increaseTime}, geth's rejection texts ({@code TxRejection}),
 * signing for the dev accounts, fee suggestions and history from the chain's base fees, {@code eth_getLogs} over
 * receipts, and in-memory {@code evm_snapshot}/{@code evm_revert} (refused across mined blocks).
 * {@link org.cvmj.chain.node.LocalNode} is a running node: database, chain, node and HTTP JSON-RPC server, opened
 * and closed together; the CLI command and the tests both start it.
 */
package org.cvmj.chain.node;
