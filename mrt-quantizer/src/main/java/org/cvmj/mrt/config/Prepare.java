package org.cvmj.mrt.config;

/** [PREPARE]: {@code Dump} — save the prepared (fused, batch-1) float model beside the original. */
public record Prepare(boolean dump) {
  static Prepare read(ConfigSection s) {
    return new Prepare(s.bool("Dump"));
  }
}
