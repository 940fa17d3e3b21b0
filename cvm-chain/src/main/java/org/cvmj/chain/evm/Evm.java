package org.cvmj.chain.evm;

import java.util.Map;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.evm.precompile.PrecompiledContract;
import org.cvmj.chain.evm.precompile.Precompiles;

/**
 * The EVM for one transaction: processes message calls and contract creations against a {@link WorldState},
 * running precompiles natively and everything else in the {@link Interpreter}. Each message runs inside a
 * state snapshot that is reverted when it reverts or halts.
 */
public final class Evm {
  private final WorldState state;
  private final BlockContext block;
  private final TxContext tx;
  private final Map<Address, PrecompiledContract> precompiles;
  private final Map<Address, SystemContract> systemContracts;

  public Evm(WorldState state, BlockContext block, TxContext tx) {
    this(state, block, tx, Precompiles.cancun());
  }

  public Evm(WorldState state, BlockContext block, TxContext tx, Map<Address, PrecompiledContract> precompiles) {
    this(state, block, tx, precompiles, Map.of());
  }

  public Evm(WorldState state, BlockContext block, TxContext tx, Map<Address, PrecompiledContract> precompiles,
      Map<Address, SystemContract> systemContracts) {
    this.state = state;
    this.block = block;
    this.tx = tx;
    this.precompiles = Map.copyOf(precompiles);
    this.systemContracts = Map.copyOf(systemContracts);
  }

  public WorldState state() {
    return state;
  }

  public BlockContext block() {
    return block;
  }

  public TxContext tx() {
    return tx;
  }

  public Map<Address, PrecompiledContract> precompiles() {
    return precompiles;
  }

  /** CALL, CALLCODE, DELEGATECALL or STATICCALL. */
  public CallResult call(Message m) {
    if (m.kind().isCreate()) {
      throw new IllegalArgumentException("use create() for " + m.kind());
    }
    if (m.depth() > Message.MAX_DEPTH) {
      return CallResult.notStarted(m.gas());
    }
    if (m.transfersValue() && state.balance(m.caller()).lt(m.value())) {
      return CallResult.notStarted(m.gas());
    }
    SystemContract system = systemContracts.get(m.codeAddress());
    if (system != null) {
      int snapshot = state.snapshot();
      CallResult r = system.call(this, m);
      if (!r.isSuccess()) {
        state.revertTo(snapshot);
      }
      return r;
    }
    PrecompiledContract precompile = precompiles.get(m.codeAddress());
    int snapshot = state.snapshot();
    if (m.kind() == CallKind.CALL) {
      if (!state.exists(m.recipient()) && precompile == null && m.value().isZero()) {
        return CallResult.success(m.gas(), new byte[0]); // EIP-161: a zero-value call creates no account
      }
      state.transfer(m.caller(), m.recipient(), m.value());
    } else if (m.kind() == CallKind.STATICCALL) {
      state.touch(m.recipient());
    }
    CallResult r;
    if (precompile != null) {
      r = runPrecompile(precompile, m);
    } else {
      byte[] code = state.code(m.codeAddress());
      r = code.length == 0 ? CallResult.success(m.gas(), new byte[0]) : Interpreter.run(new Frame(this, m, code));
    }
    if (!r.isSuccess()) {
      state.revertTo(snapshot);
    }
    return r;
  }

  private static CallResult runPrecompile(PrecompiledContract p, Message m) {
    long cost = p.gas(m.input());
    if (cost > m.gas() || cost < 0) {
      return CallResult.halt(HaltReason.OUT_OF_GAS);
    }
    byte[] out = p.run(m.input());
    return out == null ? CallResult.halt(HaltReason.PRECOMPILE_FAILURE) : CallResult.success(m.gas() - cost, out);
  }

  /**
   * CREATE or CREATE2 to {@code m.recipient()} (computed by the caller, see {@link ContractAddress}) with init
   * code {@code m.input()}: bumps the creator's nonce, warms the new address, runs the init code and deposits
   * the returned code (EIP-170 size limit, EIP-3541 no 0xEF prefix, 200 gas per byte).
   */
  public CallResult create(Message m) {
    if (!m.kind().isCreate()) {
      throw new IllegalArgumentException("use call() for " + m.kind());
    }
    if (m.depth() > Message.MAX_DEPTH || state.balance(m.caller()).lt(m.value())) {
      return CallResult.notStarted(m.gas());
    }
    long nonce = state.nonce(m.caller());
    if (nonce == -1L) { // 2^64 - 1 (EIP-2681)
      return CallResult.notStarted(m.gas());
    }
    state.setNonce(m.caller(), nonce + 1);
    Address target = m.recipient();
    state.warm(target);
    if (state.hasCollision(target)) {
      return CallResult.halt(HaltReason.CREATE_COLLISION);
    }
    int snapshot = state.snapshot();
    state.createAccount(target);
    state.setNonce(target, 1); // EIP-161
    state.transfer(m.caller(), target, m.value());
    Message frameMessage = new Message(m.kind(), m.caller(), target, target, m.value(), new byte[0], m.gas(),
        m.depth(), false);
    CallResult r = m.input().length == 0
        ? CallResult.success(m.gas(), new byte[0])
        : Interpreter.run(new Frame(this, frameMessage, m.input()));
    if (r.isSuccess()) {
      r = deposit(target, r);
    }
    if (!r.isSuccess()) {
      state.revertTo(snapshot);
    }
    return r;
  }

  private CallResult deposit(Address target, CallResult r) {
    byte[] code = r.output();
    if (code.length > GasCost.MAX_CODE_SIZE) {
      return CallResult.halt(HaltReason.CODE_SIZE_EXCEEDED);
    }
    if (code.length > 0 && (code[0] & 0xff) == 0xef) {
      return CallResult.halt(HaltReason.INVALID_CODE_PREFIX);
    }
    long cost = GasCost.CODE_DEPOSIT_BYTE * code.length;
    if (cost > r.gasLeft()) {
      return CallResult.halt(HaltReason.OUT_OF_GAS);
    }
    state.setCode(target, code);
    return new CallResult(CallResult.Status.SUCCESS, null, r.gasLeft() - cost, new byte[0], target);
  }
}
