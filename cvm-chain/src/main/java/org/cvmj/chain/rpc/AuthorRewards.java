package org.cvmj.chain.rpc;

import java.math.BigInteger;
import java.util.List;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.models.ModelRecord;

/**
 * What an author has earned from their models as of a block, for {@code cvm_getRewards}.
 *
 * @param author the account
 * @param earned wei earned from all their models (the registry's running total)
 * @param models the author's models, in registration order, each with its calls and earnings
 */
public record AuthorRewards(Address author, BigInteger earned, List<ModelRecord> models) {
  public AuthorRewards {
    models = List.copyOf(models);
  }
}
