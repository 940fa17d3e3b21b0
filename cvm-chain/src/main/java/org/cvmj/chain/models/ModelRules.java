package org.cvmj.chain.models;

/**
 * The chain's configuration of models: how many blocks after a model's verification it becomes callable.
 *
 * @param maturityBlocks blocks between verification and the first block in which the model may be called
 */
public record ModelRules(long maturityBlocks) {
  /** Cortex mainnet's maturity (MatureBlks). */
  public static final long CORTEX_MATURITY = 100;
  /** The dev chain's maturity: short enough for tests and demos, long enough to show the state. */
  public static final long DEV_MATURITY = 2;

  public ModelRules {
    if (maturityBlocks < 0 || maturityBlocks > 1_000_000) {
      throw new IllegalArgumentException("model maturity must be 0..1000000 blocks, got " + maturityBlocks);
    }
  }

  public static ModelRules dev() {
    return new ModelRules(DEV_MATURITY);
  }
}
