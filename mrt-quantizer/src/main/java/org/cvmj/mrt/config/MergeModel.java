package org.cvmj.mrt.config;

/**
 * [MERGE_MODEL]: only {@code Dump}. {@code Attribute_deps} and {@code Oscale_maps} configure merging a split
 * model back together, which is not supported (see {@link SplitModel}), so they must be empty.
 */
public record MergeModel(boolean dump) {
  static MergeModel read(ConfigSection s) {
    s.requireEmpty("Attribute_deps", "merging is not supported (it only follows model splitting)");
    s.requireEmpty("Oscale_maps", "merging is not supported (it only follows model splitting)");
    return new MergeModel(s.bool("Dump"));
  }
}
