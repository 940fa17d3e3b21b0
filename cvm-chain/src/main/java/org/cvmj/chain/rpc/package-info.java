/**
 * Ethereum JSON-RPC 2.0: {@link org.cvmj.chain.rpc.RpcServer} (HTTP on the JDK server, loopback by default),
 * {@link org.cvmj.chain.rpc.RpcDispatcher} (the protocol: batches, notifications, error codes), the one method
 * table {@link org.cvmj.chain.rpc.RpcMethods} built from a class per namespace ({@code EthMethods},
 * {@code NetMethods}, {@code Web3Methods}, {@code EvmDevMethods}), the parameter decoders
 * {@link org.cvmj.chain.rpc.ParamType} and encoders {@link org.cvmj.chain.rpc.EthHex} /
 * {@link org.cvmj.chain.rpc.EthJson}, and {@link org.cvmj.chain.rpc.NodeBackend}, the interface the chain
 * implements with the value records of this package.
 */
package org.cvmj.chain.rpc;
