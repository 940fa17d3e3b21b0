package org.cvmj.uploader.chain;

import java.math.BigInteger;

/**
 * {@code modelInfo(model)}: who registered it, where it stands, and what it earned.
 *
 * @param author the registering account (checksummed hex)
 * @param status the model's state
 * @param fee the author's fee per call, in gas
 * @param ops the model's GetOps (0 until verified)
 * @param readyBlock the first block it is callable in (0 until verified)
 * @param calls paid calls so far
 * @param earned wei its calls paid the author
 */
public record ModelInfo(String author, ModelStatus status, long fee, long ops, long readyBlock, long calls,
    BigInteger earned) {}
