package org.cvmj.uploader.bench;

import java.util.function.Supplier;

/**
 * One kind of infer transaction.
 *
 * @param name what it is, as the table prints it
 * @param to the called address (a contract, or the precompile itself)
 * @param gas the gas limit of each transaction
 * @param calldata makes the call data of the next transaction
 */
record InferWorkload(String name, String to, long gas, Supplier<String> calldata) {}
