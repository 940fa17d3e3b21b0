package org.cvmj.chain.e2e;

import static org.cvmj.chain.e2e.Web3jNode.CHAIN_ID;
import static org.cvmj.chain.e2e.Web3jNode.ETHER;
import static org.cvmj.chain.e2e.Web3jNode.GWEI;
import static org.cvmj.chain.e2e.Web3jNode.MAX_FEE;
import static org.cvmj.chain.e2e.Web3jNode.TIP;
import static org.cvmj.chain.e2e.Web3jNode.dev;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import org.cvmj.chain.chain.Genesis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.utils.Numeric;

/**
 * Every way the node refuses a raw transaction, as web3j receives it: JSON-RPC error code -32000 and geth's
 * sentinel text first in the message (clients match on it), and nothing mined. Also the pool's rules a client
 * can observe with automine on: a nonce gap waits, a replacement must outbid.
 */
class RejectionsThroughWeb3jTest {
  static final int SERVER_ERROR = -32000;
  static final Credentials SENDER = dev(3);
  static final String RECIPIENT = "0x00000000000000000000000000000000000b0b02";
  static final BigInteger TRANSFER_GAS = BigInteger.valueOf(21_000);

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

  RawTransaction transfer(long nonce, BigInteger gas, BigInteger value, BigInteger tip, BigInteger maxFee) {
    return RawTransaction.createEtherTransaction(CHAIN_ID, BigInteger.valueOf(nonce), gas, RECIPIENT, value, tip,
        maxFee);
  }

  RawTransaction transfer(long nonce) {
    return transfer(nonce, TRANSFER_GAS, BigInteger.ONE, TIP, MAX_FEE);
  }

  /** Sends {@code signed} and checks that it is refused with {@code sentinel} and leaves the chain as it was. */
  void assertRefused(String sentinel, byte[] signed) throws Exception {
    BigInteger blockBefore = chain.web3j.ethBlockNumber().send().getBlockNumber();
    EthSendTransaction sent = chain.web3j.ethSendRawTransaction(Numeric.toHexString(signed)).send();
    assertTrue(sent.hasError(), "accepted although it should fail with '" + sentinel + "': "
        + sent.getTransactionHash());
    Response.Error error = sent.getError();
    assertEquals(SERVER_ERROR, error.getCode(), error.getMessage());
    assertTrue(error.getMessage().startsWith(sentinel), "'" + error.getMessage() + "' should start with '"
        + sentinel + "'");
    assertEquals(blockBefore, chain.web3j.ethBlockNumber().send().getBlockNumber(), "a block was mined");
  }

  @Test
  void nonceTooLow() throws Exception {
    chain.mined(transfer(0), SENDER);
    assertRefused("nonce too low", Web3jNode.sign(transfer(0, TRANSFER_GAS, BigInteger.TWO, TIP, MAX_FEE), SENDER));
  }

  @Test
  void aNonceGapWaitsUntilFilledAndAReplacementMustOutbid() throws Exception {
    EthSendTransaction early = chain.send(transfer(1), SENDER);
    assertFalse(early.hasError(), () -> early.getError().getMessage());
    assertTrue(chain.web3j.ethGetTransactionReceipt(early.getTransactionHash()).send().getTransactionReceipt()
        .isEmpty(), "nonce 1 cannot be mined before nonce 0");
    assertEquals(BigInteger.ZERO, chain.nonce(SENDER.getAddress()));

    // Same nonce, same fees, other content: refused. Ten percent more on both caps: replaces the waiting one.
    assertRefused("replacement transaction underpriced",
        Web3jNode.sign(transfer(1, TRANSFER_GAS, BigInteger.TWO, TIP, MAX_FEE), SENDER));
    assertRefused("replacement transaction underpriced", Web3jNode.sign(
        transfer(1, TRANSFER_GAS, BigInteger.TWO, TIP, MAX_FEE.multiply(BigInteger.TWO)), SENDER));
    BigInteger bumpedTip = TIP.multiply(BigInteger.valueOf(11)).divide(BigInteger.TEN);
    BigInteger bumpedCap = MAX_FEE.multiply(BigInteger.valueOf(11)).divide(BigInteger.TEN);
    EthSendTransaction replacement = chain.send(transfer(1, TRANSFER_GAS, BigInteger.TWO, bumpedTip, bumpedCap),
        SENDER);
    assertFalse(replacement.hasError(), () -> replacement.getError().getMessage());

    String filler = chain.mined(transfer(0), SENDER).getTransactionHash();
    assertEquals(BigInteger.TWO, chain.nonce(SENDER.getAddress()));
    assertEquals("0x1", chain.receipt(replacement.getTransactionHash()).getStatus());
    assertEquals(chain.receipt(filler).getBlockNumber(), chain.receipt(replacement.getTransactionHash())
        .getBlockNumber(), "the filled gap and the waiting transaction go into the same block");
    assertTrue(chain.web3j.ethGetTransactionReceipt(early.getTransactionHash()).send().getTransactionReceipt()
        .isEmpty(), "the replaced transaction is never mined");
    assertEquals(BigInteger.valueOf(3), chain.balance(RECIPIENT));
  }

  @Test
  void insufficientFundsCountsGasTimesFeeCapPlusValue() throws Exception {
    Credentials pauper = Credentials.create(ECKeyPair.create(BigInteger.valueOf(0xC0FFEEL)));
    assertEquals(BigInteger.ZERO, chain.balance(pauper.getAddress()));
    assertRefused("insufficient funds for gas * price + value", Web3jNode.sign(transfer(0), pauper));

    // Fund it with exactly gas * fee cap + value of one transfer, less one wei: refused; one wei more: accepted.
    BigInteger value = ETHER;
    BigInteger cost = TRANSFER_GAS.multiply(MAX_FEE).add(value);
    chain.mined(RawTransaction.createEtherTransaction(CHAIN_ID, chain.nonce(SENDER.getAddress()), TRANSFER_GAS,
        pauper.getAddress(), cost.subtract(BigInteger.ONE), TIP, MAX_FEE), SENDER);
    assertRefused("insufficient funds for gas * price + value",
        Web3jNode.sign(transfer(0, TRANSFER_GAS, value, TIP, MAX_FEE), pauper));
    chain.mined(RawTransaction.createEtherTransaction(CHAIN_ID, chain.nonce(SENDER.getAddress()), TRANSFER_GAS,
        pauper.getAddress(), BigInteger.ONE, TIP, MAX_FEE), SENDER);
    assertEquals("0x1", chain.mined(transfer(0, TRANSFER_GAS, value, TIP, MAX_FEE), pauper).getStatus());
  }

  @Test
  void intrinsicGasTooLow() throws Exception {
    assertRefused("intrinsic gas too low", Web3jNode.sign(transfer(0, BigInteger.valueOf(20_999), BigInteger.ONE,
        TIP, MAX_FEE), SENDER));
    // 21000 plus 16 per non-zero calldata byte
    RawTransaction withData = RawTransaction.createTransaction(CHAIN_ID, BigInteger.ZERO,
        BigInteger.valueOf(21_000 + 16 * 4 - 1), RECIPIENT, BigInteger.ZERO, "0x01020304", TIP, MAX_FEE);
    assertRefused("intrinsic gas too low", Web3jNode.sign(withData, SENDER));
  }

  @Test
  void wrongChainId() throws Exception {
    RawTransaction otherChain = RawTransaction.createEtherTransaction(1L, BigInteger.ZERO, TRANSFER_GAS, RECIPIENT,
        BigInteger.ONE, TIP, MAX_FEE);
    assertRefused("invalid chain id for signer", TransactionEncoder.signMessage(otherChain, SENDER));
    RawTransaction legacy = RawTransaction.createEtherTransaction(BigInteger.ZERO, MAX_FEE, TRANSFER_GAS, RECIPIENT,
        BigInteger.ONE);
    assertRefused("invalid chain id for signer", TransactionEncoder.signMessage(legacy, 1L, SENDER));
  }

  @Test
  void exceedsBlockGasLimit() throws Exception {
    assertRefused("exceeds block gas limit", Web3jNode.sign(transfer(0,
        BigInteger.valueOf(Genesis.DEV_GAS_LIMIT + 1), BigInteger.ONE, TIP, GWEI.multiply(BigInteger.TWO)), SENDER));
  }

  @Test
  void feeCapBelowBaseFee() throws Exception {
    BigInteger baseFee = chain.web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock()
        .getBaseFeePerGas();
    assertNotNull(baseFee);
    // the next block's base fee is at least 7/8 of this one's (no block is more than half full here)
    BigInteger below = baseFee.multiply(BigInteger.valueOf(7)).divide(BigInteger.valueOf(8))
        .subtract(BigInteger.ONE);
    assertRefused("max fee per gas less than block base fee", Web3jNode.sign(transfer(0, TRANSFER_GAS,
        BigInteger.ONE, BigInteger.ZERO, below), SENDER));
    assertRefused("max fee per gas less than block base fee", TransactionEncoder.signMessage(
        RawTransaction.createEtherTransaction(BigInteger.ZERO, below, TRANSFER_GAS, RECIPIENT, BigInteger.ONE),
        CHAIN_ID, SENDER));
  }

  @Test
  void malformedAndBadlySignedTransactions() throws Exception {
    assertRefused("rlp", Numeric.hexStringToByteArray("0x02c0"));
    assertRefused("rlp", Numeric.hexStringToByteArray("0xf8"));
    byte[] good = Web3jNode.sign(transfer(0), SENDER);
    byte[] truncated = java.util.Arrays.copyOf(good, good.length - 3);
    assertRefused("rlp", truncated);
    assertRefused("transaction type not supported", Numeric.hexStringToByteArray("0x05c0"));

    RawTransaction legacy = RawTransaction.createEtherTransaction(BigInteger.ZERO, MAX_FEE, TRANSFER_GAS, RECIPIENT,
        BigInteger.ONE);
    byte[] v = Numeric.toBytesPadded(BigInteger.valueOf(CHAIN_ID * 2 + 35), 2);
    Sign.SignatureData real = Sign.signMessage(TransactionEncoder.encode(legacy, CHAIN_ID), SENDER.getEcKeyPair());
    // web3j writes r and s as given: a zero-padded r is a non-minimal RLP integer, which the decoder refuses.
    Sign.SignatureData paddedR = new Sign.SignatureData(v, new byte[32], real.getS());
    assertRefused("rlp", TransactionEncoder.encode(legacy, paddedR));
    // r at the curve order is no signature any key can make.
    BigInteger n = Sign.CURVE_PARAMS.getN();
    Sign.SignatureData rTooBig = new Sign.SignatureData(v, Numeric.toBytesPadded(n, 32), real.getS());
    assertRefused("invalid sender", TransactionEncoder.encode(legacy, rTooBig));
    // s in the upper half of the curve order is refused since Homestead (EIP-2).
    Sign.SignatureData highS = new Sign.SignatureData(v, real.getR(),
        Numeric.toBytesPadded(n.subtract(Numeric.toBigInt(real.getS())), 32));
    assertRefused("invalid sender", TransactionEncoder.encode(legacy, highS));
  }
}
