/**
 * The CVM-J chain node (issue 5, in progress): a Java EVM chain with Ethereum conventions everywhere a client
 * can see. Subpackages are added as the capabilities land; see the README's module table.
 */
package org.cvmj.chain;
