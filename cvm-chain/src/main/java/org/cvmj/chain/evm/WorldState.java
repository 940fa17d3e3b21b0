package org.cvmj.chain.evm;

import java.util.List;
import org.cvmj.chain.crypto.Address;

/**
 * Everything the EVM reads and writes outside a frame: accounts, storage, transient storage, the EIP-2929 access
 * sets, the refund counter and the logs of the running transaction.
 *
 * <p>Every mutation is journaled: {@link #snapshot()} marks a point and {@link #revertTo(int)} undoes all later
 * changes, including warm-set additions, refunds and logs (a reverted call frame leaves no trace).
 * {@link #finishTransaction()} ends a transaction: it deletes accounts that self-destructed (EIP-6780) and
 * touched empty accounts (EIP-161), clears transient storage, access sets, refunds, and makes current storage
 * the new "original" storage.
 *
 * <p>{@link InMemoryWorldState} implements it for tests; {@code org.cvmj.chain.state.TrieWorldState} is the
 * node's implementation over the Merkle Patricia Trie.
 */
public interface WorldState {
  // ---- accounts ----
  boolean exists(Address a);

  /** EIP-161 empty: no code, nonce 0, balance 0 (a missing account is empty too). */
  boolean isEmpty(Address a);

  Word balance(Address a);

  void setBalance(Address a, Word balance);

  long nonce(Address a);

  void setNonce(Address a, long nonce);

  byte[] code(Address a);

  /** keccak256 of the code; {@code ZERO} for an account that does not exist (EXTCODEHASH semantics). */
  Word codeHash(Address a);

  void setCode(Address a, byte[] code);

  /** True when the account has code or a nonce, or any storage (EIP-7610): a CREATE there collides. */
  boolean hasCollision(Address a);

  /**
   * Creates the account at {@code a} for CREATE/CREATE2, keeping any balance it already had, dropping storage,
   * and remembering that it was created in this transaction (EIP-6780).
   */
  void createAccount(Address a);

  boolean createdInThisTransaction(Address a);

  /** Marks the account for deletion when the transaction ends. */
  void markSelfDestructed(Address a);

  /** Marks an account as touched (EIP-161): if it is empty when the transaction ends, it is deleted. */
  void touch(Address a);

  // ---- storage ----
  Word storage(Address a, Word key);

  /** The slot's value when the transaction began (EIP-2200 "original value"). */
  Word originalStorage(Address a, Word key);

  void setStorage(Address a, Word key, Word value);

  Word transientStorage(Address a, Word key);

  void setTransientStorage(Address a, Word key, Word value);

  // ---- EIP-2929 access sets ----
  boolean isWarm(Address a);

  /** Adds the address to the warm set; returns true when it was cold. */
  boolean warm(Address a);

  boolean isWarm(Address a, Word slot);

  /** Adds the slot to the warm set; returns true when it was cold. */
  boolean warm(Address a, Word slot);

  // ---- refunds and logs ----
  void addRefund(long gas);

  void subRefund(long gas);

  long refund();

  void addLog(Log log);

  List<Log> logs();

  // ---- journaling ----
  int snapshot();

  void revertTo(int snapshot);

  void finishTransaction();

  // ---- helpers built on the above ----
  default void addBalance(Address a, Word amount) {
    setBalance(a, balance(a).add(amount));
  }

  default void subBalance(Address a, Word amount) {
    setBalance(a, balance(a).sub(amount));
  }

  /** Moves value between accounts; the caller has checked that {@code from} can pay. */
  default void transfer(Address from, Address to, Word value) {
    subBalance(from, value);
    addBalance(to, value);
  }
}
