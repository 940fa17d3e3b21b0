package org.cvmj.chain.e2e;

import static org.cvmj.chain.e2e.Web3jNode.CHAIN_ID;
import static org.cvmj.chain.e2e.Web3jNode.MAX_FEE;
import static org.cvmj.chain.e2e.Web3jNode.TIP;
import static org.cvmj.chain.e2e.Web3jNode.dev;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.cvmj.chain.contracts.Counter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.AccessListObject;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Transactions of every type web3j signs (legacy with EIP-155, EIP-2930 access lists, EIP-1559; transfers and a
 * contract creation) are accepted and mined, and the node's decoding and hashing agree with web3j's: the hash it
 * returns is keccak256 of the bytes web3j signed, and the transaction it reports has web3j's fields.
 */
class SignedByWeb3jTest {
  static final Credentials SIGNER = dev(5);
  static final String RECIPIENT = "0x00000000000000000000000000000000000b0b03";

  @TempDir Path dir;
  Web3jNode chain;

  @BeforeEach
  void start() throws Exception {
    chain = Web3jNode.start(dir);
  }

  @AfterEach
  void stop() {
    chain.close();
  }

  /** Sends what web3j signed; checks the hash and the reported fields, and returns the receipt. */
  TransactionReceipt sendAndCompare(RawTransaction raw, byte[] signed, String type) throws Exception {
    String expectedHash = Numeric.toHexString(Hash.sha3(signed));
    EthSendTransaction sent = chain.web3j.ethSendRawTransaction(Numeric.toHexString(signed)).send();
    assertFalse(sent.hasError(), () -> type + ": " + sent.getError().getMessage());
    assertEquals(expectedHash, sent.getTransactionHash(), type);

    TransactionReceipt receipt = chain.receipt(expectedHash);
    assertEquals("0x1", receipt.getStatus(), type);
    assertEquals(expectedHash, receipt.getTransactionHash());
    assertEquals(SIGNER.getAddress(), receipt.getFrom());

    Transaction seen = chain.web3j.ethGetTransactionByHash(expectedHash).send().getTransaction().orElseThrow();
    assertEquals(type, seen.getType(), "type");
    assertEquals(SIGNER.getAddress(), seen.getFrom());
    assertEquals(raw.getNonce(), seen.getNonce());
    assertEquals(raw.getGasLimit(), seen.getGas());
    assertEquals(raw.getValue(), seen.getValue());
    assertEquals(Numeric.cleanHexPrefix(raw.getData()), Numeric.cleanHexPrefix(seen.getInput()));
    assertEquals(receipt.getBlockHash(), seen.getBlockHash());
    return receipt;
  }

  @Test
  void legacyEip155() throws Exception {
    RawTransaction raw = RawTransaction.createEtherTransaction(BigInteger.ZERO, MAX_FEE,
        BigInteger.valueOf(21_000), RECIPIENT, BigInteger.valueOf(1234));
    TransactionReceipt r = sendAndCompare(raw, TransactionEncoder.signMessage(raw, CHAIN_ID, SIGNER), "0x0");
    Transaction seen = chain.web3j.ethGetTransactionByHash(r.getTransactionHash()).send().getTransaction()
        .orElseThrow();
    long v = seen.getV();
    assertTrue(v == CHAIN_ID * 2 + 35 || v == CHAIN_ID * 2 + 36, "v = chainId * 2 + 35 + recovery id, got " + v);
    assertEquals(MAX_FEE, seen.getGasPrice());
    assertEquals(BigInteger.valueOf(1234), chain.balance(RECIPIENT));
  }

  @Test
  void accessListEip2930() throws Exception {
    String slot = Numeric.toHexStringWithPrefixZeroPadded(BigInteger.ONE, 64);
    List<AccessListObject> accessList = List.of(new AccessListObject(RECIPIENT, List.of(slot)));
    RawTransaction raw = RawTransaction.createTransaction(CHAIN_ID, BigInteger.ZERO, MAX_FEE,
        BigInteger.valueOf(21_000 + 2_400 + 1_900), RECIPIENT, BigInteger.TEN, "0x", accessList);
    TransactionReceipt r = sendAndCompare(raw, TransactionEncoder.signMessage(raw, SIGNER), "0x1");
    // intrinsic gas: 21000 + 2400 per address + 1900 per storage key
    assertEquals(BigInteger.valueOf(21_000 + 2_400 + 1_900), r.getGasUsed());
    Transaction seen = chain.web3j.ethGetTransactionByHash(r.getTransactionHash()).send().getTransaction()
        .orElseThrow();
    assertEquals(1, seen.getAccessList().size());
    assertEquals(RECIPIENT, seen.getAccessList().get(0).getAddress());
    assertEquals(List.of(slot), seen.getAccessList().get(0).getStorageKeys());
    assertEquals(CHAIN_ID, seen.getChainId());
  }

  @Test
  void dynamicFeeEip1559TransferAndCreation() throws Exception {
    RawTransaction transfer = RawTransaction.createEtherTransaction(CHAIN_ID, BigInteger.ZERO,
        BigInteger.valueOf(21_000), RECIPIENT, BigInteger.TWO, TIP, MAX_FEE);
    TransactionReceipt r = sendAndCompare(transfer, TransactionEncoder.signMessage(transfer, SIGNER), "0x2");
    Transaction seen = chain.web3j.ethGetTransactionByHash(r.getTransactionHash()).send().getTransaction()
        .orElseThrow();
    assertEquals(TIP, seen.getMaxPriorityFeePerGas());
    assertEquals(MAX_FEE, seen.getMaxFeePerGas());

    // A contract creation: no "to", the init code with its constructor argument (count = 9).
    String init = Counter.BINARY + Numeric.toHexStringNoPrefixZeroPadded(BigInteger.valueOf(9), 64);
    RawTransaction create1559 = RawTransaction.createTransaction(CHAIN_ID, BigInteger.ONE,
        BigInteger.valueOf(1_000_000), "", BigInteger.ZERO, init, TIP, MAX_FEE);
    TransactionReceipt created = sendAndCompare(create1559, TransactionEncoder.signMessage(create1559, SIGNER),
        "0x2");
    String expectedAddress = org.web3j.crypto.ContractUtils.generateContractAddress(SIGNER.getAddress(),
        BigInteger.ONE);
    assertEquals(expectedAddress, created.getContractAddress());
    Counter counter = Counter.load(expectedAddress, chain.web3j, chain.manager(SIGNER), Web3jNode.GAS);
    assertEquals(BigInteger.valueOf(9), counter.count().send());
  }
}
