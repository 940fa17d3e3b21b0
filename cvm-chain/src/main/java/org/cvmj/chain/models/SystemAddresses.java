package org.cvmj.chain.models;

import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.evm.ContractAddress;

/**
 * The fixed addresses of the CVM system contracts and the addresses of registered models.
 *
 * <p>Both system addresses lie in 0xc000..0xc0ff, far above Ethereum's precompiles (0x01..0x11) and the planned
 * 0x100, so no Ethereum upgrade can land on them; "c0" recalls Cortex's INFER opcode 0xc0.
 */
public final class SystemAddresses {
  /** The model registry (IModelRegistry.sol). */
  public static final Address REGISTRY = Address.ofLong(0xc000);
  /** The {@code infer(address,bytes)} precompile (ICVMInfer in CVM.sol). */
  public static final Address INFER = Address.ofLong(0xc001);

  private SystemAddresses() {}

  /**
   * The address of the {@code index}-th registered model (1-based): the address a CREATE from the registry with
   * nonce {@code index} would give. The registry never creates contracts, so no account can ever collide with it.
   */
  public static Address model(long index) {
    return ContractAddress.create(REGISTRY, index);
  }
}
