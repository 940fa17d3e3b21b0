package org.cvmj.mrt.eval;

/**
 * Accuracy of the float model and of the compiled integer model on the same samples. {@code confusion[t][p]}
 * counts samples of true class t that the integer model predicted as p.
 */
public record Evaluation(int samples, double floatTop1, double quantTop1, double agreement, int[][] confusion) {}
