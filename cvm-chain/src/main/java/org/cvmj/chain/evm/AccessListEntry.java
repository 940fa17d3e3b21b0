package org.cvmj.chain.evm;

import java.util.List;

/** One EIP-2930 access list entry: an address and storage keys warmed before execution starts. */
public record AccessListEntry(Address address, List<Word> storageKeys) {
  public AccessListEntry {
    storageKeys = List.copyOf(storageKeys);
  }
}
