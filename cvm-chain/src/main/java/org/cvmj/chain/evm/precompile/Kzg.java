package org.cvmj.chain.evm.precompile;

import java.util.HexFormat;

/**
 * KZG proof verification over BLS12-381 through c-kzg (jc-kzg-4844, see {@link CKzg}), with the mainnet trusted
 * setup of EIP-4844 that web3j's crypto jar carries as the resource {@code /trusted_setup.txt}.
 *
 * <p>The native library and the setup are loaded on first use, once per process: c-kzg keeps the setup in one
 * global and refuses a second load. A setup that some other code of this process loaded first is accepted, but
 * like our own it must verify a known valid proof before anything else is verified with it. A failure to load is
 * remembered and reported, as a {@link KzgUnavailableException}, on every later verification.
 */
final class Kzg {
  /**
   * A valid (commitment, z, y, proof) under the mainnet setup: the point evaluation vector of go-ethereum's
   * precompile tests (core/vm/testdata/precompiles/pointEvaluation.json), also used by execution-spec-tests.
   */
  private static final String[] KNOWN_VALID = {
      "8f59a8d2a1a625a17f3fea0fe5eb8c896db3764f3185481bc22f91b4aaffcca25f26936857bc3a7c2539ea8ec3a952b7",
      "564c0a11a0f704f4fc3e8acfe0f8245f0ad1347b378fbf96e206da11a5d36306",
      "24d25032e67a7e6a4910df5834b8fe70e6bcfeeac0352434196bdf4b2485d5a1",
      "873033e038326e87ed3e1276fd140253fa08e9fc25fb2d9a98527fc22a2c9612fbeafdad446cbc7bcdbdcd780af2c16a"};

  /** The outcome of loading: failure is null when the verifier is ready. */
  private record Outcome(KzgUnavailableException failure) {}

  /** null until the first attempt to load, then its outcome, for the life of the process. */
  private static volatile Outcome outcome;

  private Kzg() {}

  /**
   * Whether proof shows that the polynomial committed to by commitment takes the value y at z. False as well for a
   * commitment or proof that is not a valid compressed G1 point of the subgroup, and for z or y not below the
   * field modulus.
   *
   * @throws KzgUnavailableException when the native library or the trusted setup could not be loaded
   */
  static boolean verifyProof(byte[] commitment, byte[] z, byte[] y, byte[] proof) {
    Outcome o = outcome;
    if (o == null) {
      o = load();
    }
    if (o.failure() != null) {
      // a fresh exception per call, so that its stack shows this caller; message and cause are the load's
      throw new KzgUnavailableException(o.failure().getMessage(), o.failure().getCause());
    }
    return CKzg.verify(commitment, z, y, proof);
  }

  private static synchronized Outcome load() {
    if (outcome != null) {
      return outcome;
    }
    Outcome o;
    try {
      CKzg.load();
      o = new Outcome(selfCheck() ? null : unavailable("the KZG trusted setup loaded in this process is not the "
          + "mainnet setup of EIP-4844 (a known valid proof does not verify)", null));
    } catch (RuntimeException | LinkageError e) {
      o = new Outcome(unavailable("the KZG verifier (the c-kzg native library of jc-kzg-4844 with the trusted "
          + "setup of web3j crypto) could not be loaded: " + e, e));
    }
    outcome = o;
    return o;
  }

  private static boolean selfCheck() {
    HexFormat hex = HexFormat.of();
    return CKzg.verify(hex.parseHex(KNOWN_VALID[0]), hex.parseHex(KNOWN_VALID[1]), hex.parseHex(KNOWN_VALID[2]),
        hex.parseHex(KNOWN_VALID[3]));
  }

  private static KzgUnavailableException unavailable(String message, Throwable cause) {
    return new KzgUnavailableException(message + "; the point evaluation precompile (0x0a) cannot run", cause);
  }
}
