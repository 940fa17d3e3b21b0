package org.cvmj.chain.models;

import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.evm.Evm;
import org.cvmj.chain.evm.Word;
import org.cvmj.chain.evm.WorldState;

/**
 * Pays a model's author for a call, inside the calling frame so that everything is journaled with it: the author's
 * balance grows by fee × the transaction's effective gas price, the model's call count and earnings and the
 * author's total grow, a {@code Called} event is logged, and the fee gas is added to the registry's transient
 * counter. If the frame (or any frame above it, or the transaction) fails, all of it is undone; the transaction
 * executor reads the counter at the end ({@link #paidFeeGas}) so that this gas is neither paid to the coinbase
 * nor burnt: the author already received it at the full price.
 */
final class FeeAccounting {
  private FeeAccounting() {}

  static void pay(Evm evm, ModelRecord m, Address caller) {
    WorldState s = evm.state();
    Word paid = Word.of(m.fee()).mul(evm.tx().gasPrice());
    s.addBalance(m.author(), paid);
    new RegistryStorage(s).addCall(m.address(), m.author(), paid);
    Word counted = s.transientStorage(SystemAddresses.REGISTRY, RegistryLayout.FEE_GAS_THIS_TX);
    s.setTransientStorage(SystemAddresses.REGISTRY, RegistryLayout.FEE_GAS_THIS_TX, counted.add(Word.of(m.fee())));
    RegistryEvents.called(s, m.address(), caller, m.author(), m.fee(), paid);
  }

  /** The author-fee gas paid by the running transaction's surviving frames. */
  static long paidFeeGas(WorldState state) {
    return state.transientStorage(SystemAddresses.REGISTRY, RegistryLayout.FEE_GAS_THIS_TX).longValue();
  }
}
