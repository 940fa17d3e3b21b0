package org.cvmj.chain.chain;

import java.math.BigInteger;
import org.cvmj.chain.block.Receipt;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.tx.Transaction;

/**
 * Everything {@code eth_getTransactionReceipt} reports about an included transaction.
 *
 * @param index the transaction's index in its block
 * @param gasUsed its own gas (the receipt's cumulative gas minus the previous one's)
 * @param contractAddress the address a creation deploys to (also when it failed, as geth reports), else null
 * @param effectiveGasPrice min(fee cap, base fee + tip cap) under the block's base fee
 * @param firstLogIndex the block-wide index of its first log
 */
public record StoredReceipt(Transaction transaction, Hash hash, Address sender, Hash blockHash, long blockNumber,
    int index, Receipt receipt, long gasUsed, Address contractAddress, BigInteger effectiveGasPrice,
    int firstLogIndex) {}
