/**
 * The {@code cvm-chain} command line ({@link org.cvmj.chain.cli.ChainCli}, launched by {@code bin/cvm-chain}).
 * Each command parses its arguments and calls the library API that the tests also call.
 */
package org.cvmj.chain.cli;
