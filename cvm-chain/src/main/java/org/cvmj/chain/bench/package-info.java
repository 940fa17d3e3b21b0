/**
 * {@code cvm-chain bench}: throughput of a node over JSON-RPC (signed transfers, contract calls, EVM gas per
 * second in transactions and in {@code eth_call}), against an in-process dev node or any node on this machine.
 * Plain JDK HTTP and the chain's own signing, so that it runs against any Ethereum JSON-RPC node alike.
 */
package org.cvmj.chain.bench;
