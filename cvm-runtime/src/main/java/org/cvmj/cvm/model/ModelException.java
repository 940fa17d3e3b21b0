package org.cvmj.cvm.model;

/**
 * A model, its files or an inference input was rejected. The message names the rule, the node (id and
 * name) where there is one, and the offending values.
 */
public final class ModelException extends Exception {
  private final Rule rule;
  private final int nodeId;
  private final String nodeName;

  public ModelException(Rule rule, int nodeId, String nodeName, String detail) {
    super(format(rule, nodeId, nodeName, detail));
    this.rule = rule;
    this.nodeId = nodeId;
    this.nodeName = nodeName;
  }

  public ModelException(Rule rule, String detail) {
    this(rule, -1, null, detail);
  }

  public Rule rule() {
    return rule;
  }

  /** The node the rule failed on, or -1. */
  public int nodeId() {
    return nodeId;
  }

  public String nodeName() {
    return nodeName;
  }

  private static String format(Rule rule, int nodeId, String nodeName, String detail) {
    String where = nodeId < 0 ? "" : "node " + nodeId + (nodeName == null ? "" : " '" + nodeName + "'") + ": ";
    return where + "[" + rule.label() + "] " + detail;
  }
}
