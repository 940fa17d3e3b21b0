package org.cvmj.chain.evm;

import java.math.BigInteger;

/** EIP-4844 blob gas pricing (Cancun parameters). */
public final class BlobGas {
  /** MIN_BASE_FEE_PER_BLOB_GAS. */
  private static final BigInteger MIN_BASE_FEE = BigInteger.ONE;
  /** BLOB_BASE_FEE_UPDATE_FRACTION under Cancun. */
  private static final BigInteger UPDATE_FRACTION = BigInteger.valueOf(3_338_477);

  private BlobGas() {}

  /** The blob base fee of a block whose header carries {@code excessBlobGas}: fake_exponential(1, excess, 3338477). */
  public static Word baseFee(BigInteger excessBlobGas) {
    BigInteger i = BigInteger.ONE;
    BigInteger output = BigInteger.ZERO;
    BigInteger accumulator = MIN_BASE_FEE.multiply(UPDATE_FRACTION);
    while (accumulator.signum() > 0) {
      output = output.add(accumulator);
      accumulator = accumulator.multiply(excessBlobGas).divide(UPDATE_FRACTION.multiply(i));
      i = i.add(BigInteger.ONE);
    }
    return Word.fromBigInteger(output.divide(UPDATE_FRACTION));
  }
}
