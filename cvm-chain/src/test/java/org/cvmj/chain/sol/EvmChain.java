package org.cvmj.chain.sol;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.evm.BlockContext;
import org.cvmj.chain.evm.InMemoryWorldState;
import org.cvmj.chain.evm.TransactionExecutor;
import org.cvmj.chain.evm.TransactionRequest;
import org.cvmj.chain.evm.TransactionResult;
import org.cvmj.chain.evm.Word;
import org.cvmj.chain.tx.IntrinsicGas;
import org.cvmj.chain.tx.InvalidTransactionException;

/**
 * Test harness: compiled contracts run as transactions through {@link TransactionExecutor} over an
 * {@link InMemoryWorldState} in a Cancun block, from funded externally owned accounts.
 */
final class EvmChain {
  static final Address ALICE = Address.fromHex("a11ce00000000000000000000000000000000001");
  static final Address BOB = Address.fromHex("b0b0000000000000000000000000000000000002");
  static final Address CAROL = Address.fromHex("ca40100000000000000000000000000000000003");
  static final Address COINBASE = Address.fromHex("c014ba5e00000000000000000000000000000000");
  static final Word HUNDRED_ETHER = Word.fromBigInteger(BigInteger.TEN.pow(20));
  static final Word GAS_PRICE = Word.of(10);
  static final long GAS_LIMIT = 5_000_000;

  final InMemoryWorldState state = new InMemoryWorldState();
  final BlockContext block = new BlockContext(COINBASE, 1, 1_700_000_000L, 30_000_000L, Word.of(7),
      Word.fromHex("5eed"), Word.of(1337), Word.of(1), n -> Word.ZERO);

  EvmChain() {
    for (Address a : List.of(ALICE, BOB, CAROL)) {
      state.withAccount(a, HUNDRED_ETHER, 0, new byte[0], Map.of());
    }
  }

  /** A contract-creation transaction from {@code from} with the artifact's init code and constructor args. */
  TransactionResult deploy(Address from, ContractArtifact artifact, Object... constructorArgs) {
    return send(from, null, Word.ZERO, artifact.deployData(constructorArgs));
  }

  /** Deploys and requires success; returns the new contract's address. */
  Address deployed(Address from, ContractArtifact artifact, Object... constructorArgs) {
    TransactionResult r = deploy(from, artifact, constructorArgs);
    if (!r.isSuccess() || r.createdAddress() == null) {
      throw new AssertionError("deploying " + artifact.name() + " failed: " + describe(r));
    }
    return r.createdAddress();
  }

  TransactionResult call(Address from, Address to, byte[] data) {
    return send(from, to, Word.ZERO, data);
  }

  TransactionResult send(Address from, Address to, Word value, byte[] data) {
    long intrinsic = IntrinsicGas.of(data, to == null, List.of());
    try {
      return TransactionExecutor.execute(state, block, TransactionRequest.legacy(from, to, state.nonce(from), value,
          data, GAS_LIMIT, intrinsic, GAS_PRICE));
    } catch (InvalidTransactionException e) {
      throw new AssertionError("transaction rejected: " + e.getMessage(), e);
    }
  }

  /** Calls {@code function} and requires success; returns the decoded outputs. */
  List<Object> query(Address from, Address to, ContractArtifact artifact, String function, Object... args) {
    TransactionResult r = call(from, to, artifact.encodeCall(function, args));
    if (!r.isSuccess()) {
      throw new AssertionError(artifact.name() + "." + function + " failed: " + describe(r));
    }
    return artifact.decodeOutput(function, r.returnData());
  }

  Object query1(Address to, ContractArtifact artifact, String function, Object... args) {
    return query(ALICE, to, artifact, function, args).get(0);
  }

  static String describe(TransactionResult r) {
    return r.status() + (r.haltReason() != null ? " " + r.haltReason() : "") + ", gas used " + r.gasUsed()
        + ", return data " + org.cvmj.chain.crypto.Hex.encode(r.returnData())
        + Abi.revertReason(r.returnData()).map(s -> " (reason: " + s + ")").orElse("");
  }
}
