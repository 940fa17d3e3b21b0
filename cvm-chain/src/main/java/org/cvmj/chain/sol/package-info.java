/**
 * The committed Solidity artifacts and the ABI encoding they are called with.
 *
 * <p>Contracts live in {@code cvm-chain/src/main/solidity}; {@code cvm-chain/scripts/compile-solidity.js} compiles
 * them with the npm package {@code solc} (0.8.37, standard JSON, {@code evmVersion cancun}, optimizer 200 runs, no
 * metadata hash) into {@code src/main/resources/org/cvmj/chain/solidity/<Name>.abi|.bin|.bin-runtime}, the layout
 * web3j's codegen reads. A test re-runs the script and compares byte for byte when node and solc are installed.
 * <ul>
 *   <li>{@link org.cvmj.chain.sol.ContractArtifact}: loads one artifact from the classpath; signatures, event
 *       topics, call data and decoded outputs by function/event/error name from its ABI.
 *   <li>{@link org.cvmj.chain.sol.Abi}: selectors, event topics, and the head/tail encoding of the elementary
 *       types (no arrays or tuples), plus {@code Error(string)} and {@code Panic(uint256)} revert decoding. Enough
 *       for the chain's own tests; client-facing wrappers are to come from web3j.
 * </ul>
 */
package org.cvmj.chain.sol;
