package org.cvmj.cvm.model;

/**
 * Why a model was rejected. The numbered rules are the load-time checks of the reference runtime
 * (spec cvm-format-and-ops.md §1.1, checks 1-12); the others cover the file formats themselves.
 */
public enum Rule {
  JSON_SYNTAX("symbol is not valid JSON"),
  JSON_SCHEMA("symbol JSON has an unknown key or a value of the wrong type"),
  VERSION("unsupported graph version"),
  OP_TYPE("node op must be \"null\" or \"cvm_op\""),
  UNKNOWN_OPERATOR("func_name is not one of the 37 CVM operators"),
  INPUT_COUNT("wrong number of node inputs for the operator"),
  /** 1 */ ARG_NAMES("variable names must be unique; the input must be named data"),
  /** 2 */ OP_ATTRS("operator attributes are invalid"),
  /** 3 */ ENTRY_COUNT("graph attribute lists must have one element per entry"),
  /** 4 */ STORAGE_ALIAS("an output shares a storage id with an input"),
  /** 5 */ SHAPE_LIMITS("shape out of limits (1..6 dims, each 1..2^24, at most 2^30 elements)"),
  /** 6 */ PRECISION_RANGE("precision must be -1 or 1..32, and set for variables"),
  /** 7 */ GRAPH_INDEX("node_row_ptr, arg_nodes, heads or inputs disagree with the nodes"),
  /** 8 */ TOPOLOGICAL_ORDER("a node reads an entry that is not computed before it"),
  /** 9 */ SHAPE_INFERENCE("declared shapes disagree with shape inference"),
  /** 10 */ TYPE("every entry must be int32"),
  /** 11 */ PRECISION_INFERENCE("precision inference failed or exceeds 32 bits"),
  /** 12 */ PARAMS("parameters do not match the graph"),
  PARAMS_FORMAT("params file is malformed"),
  INPUT("inference input does not match the model"),
  OUTPUT("model outputs cannot be packed"),
  GUEST_UNSUPPORTED("the MIPS guest does not implement this model's operator or layout");

  private final String summary;

  Rule(String summary) {
    this.summary = summary;
  }

  public String summary() {
    return summary;
  }

  /** The rule name as shown in messages, e.g. {@code shape-inference}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
