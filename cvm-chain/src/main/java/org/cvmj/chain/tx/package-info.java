/**
 * Signed Ethereum transactions: legacy (with or without an EIP-155 chain id), EIP-2930 access-list (type 1) and
 * EIP-1559 dynamic-fee (type 2). {@link org.cvmj.chain.tx.TransactionReader} decodes a raw envelope and
 * {@link org.cvmj.chain.tx.TransactionWriter} encodes one; {@link org.cvmj.chain.tx.Transaction} gives the hash
 * Ethereum computes, the signing hash and the sender; {@link org.cvmj.chain.tx.IntrinsicGas} prices a
 * transaction before execution (Cancun rules) and {@link org.cvmj.chain.tx.TransactionRules} checks everything
 * that can be checked without the state. Every rejection is an
 * {@link org.cvmj.chain.tx.InvalidTransactionException} naming the rule that failed.
 * {@link org.cvmj.chain.tx.CallRequest} is the unsigned call object of {@code eth_call}, {@code eth_estimateGas} and {@code eth_sendTransaction}.
 */
package org.cvmj.chain.tx;
