/**
 * Ethereum JSON-RPC 2.0: {@link org.cvmj.chain.rpc.RpcServer} (HTTP on the JDK server) and
 * {@link org.cvmj.chain.rpc.WsRpcServer} (WebSocket on Java-WebSocket), both loopback by default and both in front
 * of one {@link org.cvmj.chain.rpc.RpcDispatcher} (the protocol: batches, notifications, error codes) over the one
 * method table {@link org.cvmj.chain.rpc.RpcMethods}, built from a class per namespace ({@code EthMethods},
 * {@code NetMethods}, {@code Web3Methods}, {@code EvmDevMethods}, {@code CvmMethods}, {@code SubscriptionMethods});
 * the parameter decoders {@link org.cvmj.chain.rpc.ParamType} and encoders {@link org.cvmj.chain.rpc.EthHex} /
 * {@link org.cvmj.chain.rpc.EthJson} (and {@link org.cvmj.chain.rpc.ModelJson} for the models);
 * {@link org.cvmj.chain.rpc.NodeBackend}, the interface the chain implements with the value records of this package; and the node's {@link org.cvmj.chain.rpc.ChainEvent}s, which
 * {@link org.cvmj.chain.rpc.Subscriptions} ({@code eth_subscribe}) and {@link org.cvmj.chain.rpc.FilterTable}
 * (polling filters) follow as {@link org.cvmj.chain.rpc.ChainListener}s. Request handlers run on
 * {@link org.cvmj.chain.rpc.DeepStackThreads}, since they execute EVM code.
 */
package org.cvmj.chain.rpc;
