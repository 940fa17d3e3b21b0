package org.cvmj.chain.evm;

/**
 * A contract the node implements natively at a fixed address, with what a precompile lacks: the message (caller,
 * value, static flag), the world state and the block. The chain's CVM extensions (the model registry and the
 * {@code infer} precompile) are system contracts; the EVM itself knows nothing about them.
 *
 * <p>{@link Evm#call} hands a message whose code address is a system contract to {@link #call} inside a state
 * snapshot (reverted when the result is not a success) without moving value: the contract decides what a
 * value-bearing call means (the CVM ones refuse it).
 */
public interface SystemContract {
  /** Runs {@code m}; the result's {@code gasLeft} is what the caller gets back. */
  CallResult call(Evm evm, Message m);
}
