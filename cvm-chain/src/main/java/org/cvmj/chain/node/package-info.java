/**
 * The development node behind {@code cvm-chain node --dev}. {@link org.cvmj.chain.node.DevNode} is the
 * {@link org.cvmj.chain.rpc.NodeBackend} over a {@link org.cvmj.chain.chain.Chain}: a transaction pool
 * ({@code TxPool}: per-sender nonce order, queued future nonces promoted when the gap fills, balance checked
 * against the sender's earlier pooled transactions too, 10% replacement bump), automine or interval mining,
 * timestamps from the clock plus {@code evm_increaseTime}, geth's rejection texts ({@code TxRejection}), signing
 * for the dev accounts, fee suggestions and history from the chain's base fees, {@code eth_getLogs} over
 * receipts, {@code evm_snapshot}/{@code evm_revert} that rewind the stored chain, and
 * {@link org.cvmj.chain.rpc.ChainEvent}s for each new block and rewind.
 * {@link org.cvmj.chain.node.LocalNode} is a running node: database, chain, node, and the HTTP and WebSocket
 * JSON-RPC servers, opened and closed together; the CLI command and the tests both start it.
 */
package org.cvmj.chain.node;
