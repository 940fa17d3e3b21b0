/**
 * The Ethereum GeneralStateTests conformance runner: {@link org.cvmj.chain.statetest.StateTestReader} parses a
 * filled JSON file into {@link org.cvmj.chain.statetest.StateTest}s (pre-state, block, transaction template,
 * expected {@link org.cvmj.chain.statetest.PostCase}s), {@link org.cvmj.chain.statetest.StateTestRunner} runs
 * one case and compares the state root, the logs hash and rejections, and
 * {@link org.cvmj.chain.statetest.Conformance} runs files and directories into a
 * {@link org.cvmj.chain.statetest.ConformanceReport}. The CLI command {@code cvm-chain statetest} and the tests
 * both call {@code Conformance}.
 */
package org.cvmj.chain.statetest;
