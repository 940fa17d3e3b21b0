/**
 * Recursive Length Prefix, Ethereum's serialization of byte strings and lists (Yellow Paper, appendix B).
 *
 * <p>{@link org.cvmj.chain.rlp.RlpWriter} is the one encoder and {@link org.cvmj.chain.rlp.RlpReader} the one
 * decoder. Decoding is strict: only the canonical encoding of a value is accepted, and every rejection is an
 * {@link org.cvmj.chain.rlp.RlpException} that names the byte offset where the input went wrong.
 * {@link org.cvmj.chain.rlp.RlpItem} is the decoded tree, for callers that want the whole structure at once.
 */
package org.cvmj.chain.rlp;
