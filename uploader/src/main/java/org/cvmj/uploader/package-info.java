/**
 * The uploader: registers CVM models on a CVM-J chain and uploads their files in chunks, resuming from the chain's
 * own record of what arrived. {@code model} prepares and checks the files locally, {@code wallet} loads keys,
 * {@code chain} talks JSON-RPC (web3j) to the registry at {@code 0x…c000}, {@code upload} runs an upload,
 * {@code report} reads status and rewards, and {@code cli} is the {@code upload} command line over all of them.
 */
package org.cvmj.uploader;
