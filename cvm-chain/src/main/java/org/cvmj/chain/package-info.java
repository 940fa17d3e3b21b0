/**
 * The CVM-J chain node (issue 5, in progress): a Java EVM chain with Ethereum conventions everywhere a client
 * can see. Packages, lowest first: {@code rlp}, {@code crypto} (Keccak-256, {@code Hash}, {@code Address},
 * secp256k1), {@code trie} (Merkle Patricia Trie), {@code tx} (signed transactions, intrinsic gas, validity
 * rules and the one {@code InvalidTransactionException}), {@code evm} (the Cancun EVM over a journaled world
 * state), {@code state} (the trie-backed world state, state root and logs hash), {@code block} (headers, blocks, receipts, logs bloom,
 * transactions and receipts roots, EIP-1559 base fee), {@code db} (the chain in RocksDB, one synced batch per
 * block), {@code models} (the model registry system contract, chunk upload into the blob store, the {@code infer}
 * precompile and authors' fees, on cvm-runtime), {@code chain} (genesis, dev accounts, block production and the reads RPC serves), {@code statetest} (the GeneralStateTests runner) and {@code cli} (the {@code cvm-chain} command line).
 * The committed Solidity artifacts (ABI and bytecode compiled by solc) and their ABI encoding are in {@code sol}.
 */
package org.cvmj.chain;
