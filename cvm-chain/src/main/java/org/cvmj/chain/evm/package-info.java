/**
 * The Ethereum Virtual Machine under Cancun rules: a table-driven interpreter over 256-bit words, the native
 * precompiles, and the transaction-level executor, all against an abstract journaled world state.
 *
 * <p>Where each concern lives:
 * <ul>
 *   <li>{@link org.cvmj.chain.evm.Word}: the 256-bit word (four longs) and all its arithmetic, with
 *       {@code WideDivision} (Knuth's algorithm D) for DIV/MOD and the 512-bit ADDMOD/MULMOD remainders; addresses are
 *       {@link org.cvmj.chain.crypto.Address} ({@code Word.fromAddress}/{@code toAddress} convert), hashes
 *       {@link org.cvmj.chain.crypto.Keccak256}.
 *   <li>{@code OperationTable}: the one table, opcode → name, constant gas, stack inputs/outputs, memory range,
 *       dynamic gas, implementation. The implementations are grouped by concern: {@code ArithmeticOps}
 *       (arithmetic, comparison, bitwise), {@code StackOps} (PUSH/DUP/SWAP/POP), {@code MemoryOps},
 *       {@code StorageOps} (SLOAD/SSTORE with EIP-2200/2929/3529 gas, TLOAD/TSTORE), {@code FlowOps} (jumps,
 *       STOP/RETURN/REVERT/INVALID), {@code EnvironmentOps} (KECCAK256, hashed by {@code KeccakHasher} straight
 *       from memory; call/tx/block environment, EIP-2929 account access), {@code LogOps}, {@code SystemOps}
 *       (CREATE/CREATE2, the four calls with the EIP-150 63/64 rule, SELFDESTRUCT per EIP-6780). Gas constants:
 *       {@code GasCost}.
 *   <li>{@code Interpreter}: the fetch/check/charge/execute loop for one {@code Frame} (pc, gas,
 *       {@link org.cvmj.chain.evm.Stack}, {@link org.cvmj.chain.evm.Memory}, return data), calling the
 *       commonest opcodes' implementations directly rather than through their rows;
 *       {@code JumpDestinations}: JUMPDEST analysis that skips PUSH data.
 *   <li>{@link org.cvmj.chain.evm.Evm}: message processing — depth and balance checks, snapshots, value
 *       transfer, precompile dispatch, contract creation and code deposit (EIP-170/3541/3860);
 *       {@link org.cvmj.chain.evm.Message} in, {@link org.cvmj.chain.evm.CallResult} out;
 *       {@link org.cvmj.chain.evm.ContractAddress} for CREATE/CREATE2 addresses.
 *   <li>{@link org.cvmj.chain.evm.WorldState}: what the EVM needs from the state (accounts, storage with
 *       original values, transient storage, access sets, refunds, logs, snapshot/revert);
 *       {@link org.cvmj.chain.evm.JournaledState} implements the part every state shares (the undo journal,
 *       access sets, refunds, logs, transient storage, end-of-transaction bookkeeping), and
 *       {@link org.cvmj.chain.evm.InMemoryWorldState} extends it with accounts held in maps.
 *   <li>{@link org.cvmj.chain.evm.TransactionExecutor}: one transaction from
 *       {@link org.cvmj.chain.evm.TransactionRequest} and {@link org.cvmj.chain.evm.BlockContext} to
 *       {@link org.cvmj.chain.evm.TransactionResult} (validity checks, gas purchase, warm sets, refund cap,
 *       coinbase tip); the caller prices the
 *       transaction with {@link org.cvmj.chain.tx.IntrinsicGas}; a transaction that cannot be included throws
 *       {@link org.cvmj.chain.tx.InvalidTransactionException} (one type for decode-time, stateless and
 *       state-dependent rules, told apart by its reason).
 *   <li>{@code org.cvmj.chain.evm.precompile}: the precompiled contracts at 0x01-0x09.
 * </ul>
 */
package org.cvmj.chain.evm;

import org.cvmj.chain.crypto.Address;
