package org.cvmj.chain.evm.precompile;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cvmj.chain.crypto.Address;

/** The precompiled contracts active under Cancun, by address. */
public final class Precompiles {
  /** Cancun's precompiles occupy 0x01..0x0a; all start warm in a transaction (EIP-2929). */
  public static final long CANCUN_LAST_ADDRESS = 0x0a;

  private Precompiles() {}

  public static Map<Address, PrecompiledContract> cancun() {
    Map<Address, PrecompiledContract> m = new LinkedHashMap<>();
    m.put(Address.ofLong(0x01), new Ecrecover());
    m.put(Address.ofLong(0x02), new Sha256Hash());
    m.put(Address.ofLong(0x03), new Ripemd160Hash());
    m.put(Address.ofLong(0x04), new Identity());
    m.put(Address.ofLong(0x05), new ModExp());
    m.put(Address.ofLong(0x06), new Bn128Add());
    m.put(Address.ofLong(0x07), new Bn128Mul());
    m.put(Address.ofLong(0x08), new Bn128Pairing());
    m.put(Address.ofLong(0x09), new Blake2F());
    m.put(Address.ofLong(0x0a), new PointEvaluation());
    return m;
  }
}
