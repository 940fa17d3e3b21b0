/**
 * {@code upload bench}: models on chain as a client sees them through the JSON-RPC (MNIST infer transactions per
 * second and gas per call, upload throughput of a synthetic model of a chosen size), against an in-process dev node
 * or any dev node on this machine; {@link org.cvmj.uploader.bench.SyntheticModel} makes valid models of any size.
 */
package org.cvmj.uploader.bench;
