package org.cvmj.chain.evm;

import static org.cvmj.chain.tx.InvalidTransactionException.Reason.FEE_BELOW_BASE_FEE;
import static org.cvmj.chain.tx.InvalidTransactionException.Reason.GAS_ABOVE_BLOCK_LIMIT;
import static org.cvmj.chain.tx.InvalidTransactionException.Reason.INITCODE_TOO_LARGE;
import static org.cvmj.chain.tx.InvalidTransactionException.Reason.INSUFFICIENT_FUNDS;
import static org.cvmj.chain.tx.InvalidTransactionException.Reason.INTRINSIC_GAS_TOO_LOW;
import static org.cvmj.chain.tx.InvalidTransactionException.Reason.INVALID_BLOBS;
import static org.cvmj.chain.tx.InvalidTransactionException.Reason.NONCE_MISMATCH;
import static org.cvmj.chain.tx.InvalidTransactionException.Reason.PRIORITY_FEE_ABOVE_MAX_FEE;
import static org.cvmj.chain.tx.InvalidTransactionException.Reason.SENDER_NONCE_MAX;
import static org.cvmj.chain.tx.InvalidTransactionException.Reason.SENDER_NOT_EOA;

import java.util.List;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.evm.precompile.Precompiles;
import org.cvmj.chain.tx.AccessListEntry;
import org.cvmj.chain.tx.IntrinsicGas;
import org.cvmj.chain.tx.InvalidTransactionException;

/**
 * Executes one transaction against a world state (Cancun rules): checks it can be included, buys its gas,
 * warms the EIP-2929/3651 access sets, runs the call or creation, refunds (capped at gasUsed/5, EIP-3529),
 * pays the coinbase the priority fee and ends the transaction in the state.
 */
public final class TransactionExecutor {
  /** EIP-4844: gas per blob. */
  public static final long GAS_PER_BLOB = 131072;
  /** EIP-4844 (Cancun): at most 6 blobs per block, so per transaction. */
  public static final int MAX_BLOBS_PER_BLOCK = 6;
  private static final long VERSIONED_HASH_VERSION_KZG = 0x01;

  private TransactionExecutor() {}

  /**
   * Runs {@code tx} in {@code block}. Throws {@link InvalidTransactionException}, with the state untouched, when
   * the transaction is not includable.
   */
  public static TransactionResult execute(WorldState state, BlockContext block, TransactionRequest tx)
      throws InvalidTransactionException {
    return execute(state, block, tx, SystemContracts.NONE);
  }

  /**
   * Runs {@code tx} with the chain's {@code system} contracts. Gas they redirect (model authors' fees) is neither
   * refundable nor paid to the coinbase: the refund cap is a fifth of the gas used without it, and the coinbase
   * gets the priority fee on the rest only (the base fee is burnt on the rest only: the redirected gas was paid
   * to its receiver at the full effective price).
   */
  public static TransactionResult execute(WorldState state, BlockContext block, TransactionRequest tx,
      SystemContracts system) throws InvalidTransactionException {
    Word gasPrice = validate(state, block, tx);
    Address sender = tx.sender();
    Word gasLimit = Word.of(tx.gasLimit());
    Word blobFee = Word.of(GAS_PER_BLOB * tx.blobHashes().size()).mul(block.blobBaseFee());
    state.subBalance(sender, gasLimit.mul(gasPrice).add(blobFee));

    Address target = tx.isCreate() ? ContractAddress.create(sender, state.nonce(sender)) : tx.to();
    state.warm(sender);
    state.warm(target);
    state.warm(block.coinbase()); // EIP-3651
    Evm evm = new Evm(state, block, new TxContext(sender, gasPrice, tx.blobHashes()), Precompiles.cancun(),
        system.contracts());
    evm.precompiles().keySet().forEach(state::warm);
    system.contracts().keySet().forEach(state::warm);
    for (long a = 1; a <= Precompiles.CANCUN_LAST_ADDRESS; a++) {
      state.warm(Address.ofLong(a)); // all Cancun precompile addresses, also those a custom table leaves out
    }
    for (AccessListEntry e : tx.accessList()) {
      state.warm(e.address());
      for (Hash key : e.storageKeys()) state.warm(e.address(), Word.fromBytes(key.bytes()));
    }

    long gas = tx.gasLimit() - tx.intrinsicGas();
    CallResult r;
    if (tx.isCreate()) {
      r = evm.create(new Message(CallKind.CREATE, sender, target, target, tx.value(), tx.data(), gas, 0, false));
    } else {
      state.setNonce(sender, tx.nonce() + 1);
      r = evm.call(new Message(CallKind.CALL, sender, target, target, tx.value(), tx.data(), gas, 0, false));
    }

    long gasUsed = tx.gasLimit() - r.gasLeft();
    long redirected = system.redirectedGas(state);
    long refund = Math.min(state.refund(), (gasUsed - redirected) / 5);
    gasUsed -= refund;
    state.addBalance(sender, Word.of(tx.gasLimit() - gasUsed).mul(gasPrice));
    state.addBalance(block.coinbase(), Word.of(gasUsed - redirected).mul(gasPrice.sub(block.baseFee())));
    List<Log> logs = r.isSuccess() ? List.copyOf(state.logs()) : List.of();
    state.finishTransaction();
    return new TransactionResult(r.status(), r.haltReason(), gasUsed, refund, r.output(), logs, r.createdAddress());
  }

  /** The checks a block builder makes before including a transaction; returns the effective gas price. */
  private static Word validate(WorldState state, BlockContext block, TransactionRequest tx)
      throws InvalidTransactionException {
    Address sender = tx.sender();
    if (tx.intrinsicGas() > tx.gasLimit()) {
      throw new InvalidTransactionException(INTRINSIC_GAS_TOO_LOW, "intrinsic gas " + tx.intrinsicGas() + " exceeds the gas limit "
          + tx.gasLimit() + ": raise the transaction's gas limit");
    }
    if (tx.gasLimit() > block.gasLimit()) {
      throw new InvalidTransactionException(GAS_ABOVE_BLOCK_LIMIT, "gas limit " + tx.gasLimit() + " exceeds the block gas limit "
          + block.gasLimit());
    }
    if (state.nonce(sender) != tx.nonce()) {
      throw new InvalidTransactionException(NONCE_MISMATCH, "nonce " + tx.nonce() + " does not match the sender's nonce "
          + state.nonce(sender) + ": sign the transaction with the account's current nonce");
    }
    if (state.nonce(sender) == -1L) {
      throw new InvalidTransactionException(SENDER_NONCE_MAX, "sender nonce is at its maximum 2^64-1 (EIP-2681)");
    }
    if (state.code(sender).length != 0) {
      throw new InvalidTransactionException(SENDER_NOT_EOA, "sender " + sender + " has code: only externally owned accounts may"
          + " send transactions (EIP-3607)");
    }
    if (tx.isCreate() && tx.data().length > IntrinsicGas.MAX_INITCODE_SIZE) {
      throw new InvalidTransactionException(INITCODE_TOO_LARGE, "init code of " + tx.data().length + " bytes exceeds 49152 (EIP-3860)");
    }
    if (!tx.blobHashes().isEmpty()) {
      if (tx.isCreate()) {
        throw new InvalidTransactionException(INVALID_BLOBS, "a blob transaction cannot create a contract (EIP-4844)");
      }
      if (tx.blobHashes().size() > MAX_BLOBS_PER_BLOCK) {
        throw new InvalidTransactionException(INVALID_BLOBS, tx.blobHashes().size() + " blobs exceed the block's limit of "
            + MAX_BLOBS_PER_BLOCK + " (EIP-4844)");
      }
      for (Word h : tx.blobHashes()) {
        if ((h.u3() >>> 56) != VERSIONED_HASH_VERSION_KZG) {
          throw new InvalidTransactionException(INVALID_BLOBS, "blob versioned hash " + h + " does not start with 0x01 (KZG)");
        }
      }
    }
    if (tx.maxPriorityFeePerGas().gt(tx.maxFeePerGas())) {
      throw new InvalidTransactionException(PRIORITY_FEE_ABOVE_MAX_FEE, "max priority fee exceeds the max fee per gas");
    }
    if (tx.maxFeePerGas().lt(block.baseFee())) {
      throw new InvalidTransactionException(FEE_BELOW_BASE_FEE, "max fee per gas " + tx.maxFeePerGas().toBigInteger()
          + " is below the block's base fee " + block.baseFee().toBigInteger() + ": raise the fee");
    }
    if (!tx.blobHashes().isEmpty() && tx.maxFeePerBlobGas().lt(block.blobBaseFee())) {
      throw new InvalidTransactionException(FEE_BELOW_BASE_FEE, "max fee per blob gas is below the block's blob base fee");
    }
    var need = Word.of(tx.gasLimit()).toBigInteger().multiply(tx.maxFeePerGas().toBigInteger())
        .add(tx.value().toBigInteger())
        .add(java.math.BigInteger.valueOf(GAS_PER_BLOB * tx.blobHashes().size())
            .multiply(tx.maxFeePerBlobGas().toBigInteger()));
    if (state.balance(sender).toBigInteger().compareTo(need) < 0) {
      throw new InvalidTransactionException(INSUFFICIENT_FUNDS, "sender " + sender + " has balance "
          + state.balance(sender).toBigInteger() + " but gas limit × max fee + value needs " + need);
    }
    Word tipCap = block.baseFee().add(tx.maxPriorityFeePerGas());
    return tipCap.lt(tx.maxFeePerGas()) ? tipCap : tx.maxFeePerGas();
  }
}
