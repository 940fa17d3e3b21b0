/**
 * Models on chain: the model registry system contract, chunked upload into a content-addressed blob store, model
 * verification with cvm-runtime, the {@code infer} precompile and the authors' fees (docs/models-on-chain.md).
 *
 * <p>Where each concern lives:
 * <ul>
 *   <li>{@link org.cvmj.chain.models.SystemAddresses}: the registry and infer addresses, model addresses;
 *       {@link org.cvmj.chain.models.ModelLimits} and {@link org.cvmj.chain.models.ModelGas}: the documented limits
 *       and gas constants; {@link org.cvmj.chain.models.ModelRules}: the chain's configuration (maturity).
 *   <li>{@code RegistryLayout}: where every value lives in the registry account's storage;
 *       {@code RegistryStorage}: the one reader and writer of that layout; {@link org.cvmj.chain.models.ModelRecord}
 *       the value it reads; {@link org.cvmj.chain.models.ModelRegistryView}: the read API for RPC and tools.
 *   <li>{@code RegistryContract}: the ABI dispatch, one table of functions; each function in its own class
 *       ({@code RegisterFunction}, {@code UploadChunkFunction}, {@code RegistryViews}); {@code RegistryEvents}: the
 *       events it emits; {@code CallData} and {@code Reverts}: ABI decoding and revert reasons.
 *   <li>{@code ModelVerifier}: the checks on the last chunk; {@code ModelFiles}: reassembling files from chunks.
 *   <li>{@code InferPrecompile}: {@code infer(address,bytes)}; {@code ModelRunner}: its checks and the run, shared
 *       with the off-chain {@link org.cvmj.chain.models.Models#infer} ({@code cvm_infer}); {@code FeeAccounting}:
 *       paying authors;
 *       {@code LoadedModels}: the node-level caches (invisible to consensus).
 *   <li>{@link org.cvmj.chain.models.BlobStore} and {@link org.cvmj.chain.models.PendingBlobs}: chunk bytes;
 *       {@link org.cvmj.chain.models.Models}: wires it all into the EVM for one block or call.
 * </ul>
 */
package org.cvmj.chain.models;
