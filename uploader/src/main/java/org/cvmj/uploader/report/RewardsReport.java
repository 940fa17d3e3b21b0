package org.cvmj.uploader.report;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.cvmj.uploader.InvalidInputException;
import org.cvmj.uploader.NodeException;
import org.cvmj.uploader.chain.ModelInfo;
import org.cvmj.uploader.chain.Registry;
import org.cvmj.uploader.chain.Rpc;

/**
 * What an author earned ({@code upload rewards}): the registry's total, and each of their models.
 *
 * @param author the author's address
 * @param total wei earned from all their models ({@code authorEarned})
 * @param models their models, oldest first
 */
public record RewardsReport(String author, BigInteger total, List<Earning> models) {
  /**
   * One model's earnings.
   *
   * @param model the model's address
   * @param info its record: status, fee, calls and wei earned
   */
  public record Earning(String model, ModelInfo info) {}

  /** Reads the total and scans every model for the author's (any node: {@code modelAt}, no log index). */
  public static RewardsReport read(Rpc rpc, String author) throws NodeException, InvalidInputException {
    Registry r = new Registry(rpc);
    BigInteger total = r.authorEarned(author);
    List<Earning> models = new ArrayList<>();
    long count = r.modelCount();
    for (long i = 1; i <= count; i++) {
      String model = r.modelAt(i);
      ModelInfo info = r.info(model);
      if (info.author().equalsIgnoreCase(author)) {
        models.add(new Earning(model, info));
      }
    }
    return new RewardsReport(author, total, models);
  }
}
