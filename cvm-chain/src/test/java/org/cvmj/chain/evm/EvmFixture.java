package org.cvmj.chain.evm;

import java.util.List;
import java.util.Map;
import org.cvmj.chain.crypto.Address;

/** Shared set-up for EVM tests: a block, a funded sender, and helpers to deploy code and run frames. */
final class EvmFixture {
  static final Address SENDER = Address.fromHex("a94f5374fce5edbc8e2a8697c15331677e6ebf0b");
  static final Address COINBASE = Address.fromHex("2adc25665018aa1fe0e6bc666dac8fc2697ff9ba");
  static final Address CONTRACT = Address.fromHex("1000000000000000000000000000000000000001");
  static final Word ETHER = Word.fromHex("de0b6b3a7640000");

  static final BlockContext BLOCK = new BlockContext(COINBASE, 100, 1_700_000_000L, 30_000_000L, Word.of(7),
      Word.fromHex("1234"), Word.of(1), Word.of(1), n -> Word.of(0xb10c0000L + n));

  private EvmFixture() {}

  static InMemoryWorldState stateWithSender() {
    return new InMemoryWorldState().withAccount(SENDER, ETHER, 0, new byte[0], Map.of());
  }

  static Evm evm(WorldState state) {
    return new Evm(state, BLOCK, new TxContext(SENDER, Word.of(10), List.of()));
  }

  /** Runs code at CONTRACT as a depth-0 call with the given gas (no transaction around it). */
  static CallResult run(WorldState state, byte[] code, byte[] input, long gas) {
    if (!state.exists(CONTRACT)) {
      ((InMemoryWorldState) state).withAccount(CONTRACT, Word.ZERO, 1, code, Map.of());
    }
    return evm(state).call(new Message(CallKind.CALL, SENDER, CONTRACT, CONTRACT, Word.ZERO, input, gas, 0,
        false));
  }

  static CallResult run(String asm, long gas) {
    return run(stateWithSender(), Asm.assemble(asm), new byte[0], gas);
  }
}
