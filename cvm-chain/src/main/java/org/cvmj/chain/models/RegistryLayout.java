package org.cvmj.chain.models;

import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Keccak256;
import org.cvmj.chain.evm.Word;

/**
 * Where the registry keeps everything, in the storage of {@link SystemAddresses#REGISTRY} (so under the state
 * root). Derivations follow Solidity's mapping layout, so a contract or a client can compute any slot:
 * <pre>
 *   slot 0                                    model count
 *   keccak(pad32(model)  . pad32(1)) + field  a model's record; Field gives the offsets
 *   record + 32 + 8*file + k                  received-chunk bitmap word k of file (0 symbol, 1 params)
 *   keccak(pad32(model) . pad32(file) . pad32(index))   keccak256 of that chunk (zero until received)
 *   keccak(pad32(author) . pad32(2))          total earned by the author (wei)
 *   keccak(pad32(stringSlot)) + i             word i of a string field (description, rejection reason)
 * </pre>
 * Transient storage slot 0 of the registry counts the author-fee gas paid in the running transaction.
 */
final class RegistryLayout {
  static final Word MODEL_COUNT = Word.ZERO;
  static final Word FEE_GAS_THIS_TX = Word.ZERO;
  private static final long RECORDS = 1;
  private static final long AUTHOR_EARNED = 2;
  private static final long BITMAP_OFFSET = 32;

  /** Offsets of a record's words from its base slot. */
  enum Field {
    AUTHOR(0), INDEX(1), SYMBOL_HASH(2), PARAMS_HASH(3), SYMBOL_SIZE(4), PARAMS_SIZE(5), FEE(6), STATUS(7),
    REGISTERED_BLOCK(8), READY_BLOCK(9), OPS(10), CALLS(11), EARNED(12), CHUNKS_RECEIVED(13), INPUT_RANK(14),
    /** Six words, one per dimension. */
    INPUT_DIMS(15),
    INPUT_ELEMENT_SIZE(21), INPUT_BYTES(22), OUTPUT_ELEMENT_SIZE(23), OUTPUT_BYTES(24),
    /** String: UTF-8 length here, bytes at keccak(slot). */
    DESCRIPTION(25),
    REJECTION(26);

    final int offset;

    Field(int offset) {
      this.offset = offset;
    }
  }

  private RegistryLayout() {}

  static Word record(Address model) {
    return hash(Word.fromAddress(model), Word.of(RECORDS));
  }

  static Word field(Address model, Field f) {
    return record(model).add(Word.of(f.offset));
  }

  static Word inputDim(Address model, int i) {
    return record(model).add(Word.of(Field.INPUT_DIMS.offset + i));
  }

  static Word bitmapWord(Address model, ModelFile file, int k) {
    return record(model).add(Word.of(BITMAP_OFFSET + (long) ModelLimits.BITMAP_WORDS * file.id() + k));
  }

  static Word chunkHash(Address model, ModelFile file, int index) {
    return hash(Word.fromAddress(model), Word.of(file.id()), Word.of(index));
  }

  static Word authorEarned(Address author) {
    return hash(Word.fromAddress(author), Word.of(AUTHOR_EARNED));
  }

  /** First data word of the string whose length lives at {@code slot}. */
  static Word stringData(Word slot) {
    return hash(slot);
  }

  private static Word hash(Word... words) {
    byte[] pre = new byte[32 * words.length];
    for (int i = 0; i < words.length; i++) {
      words[i].writeTo(pre, 32 * i);
    }
    return Word.fromBytes(Keccak256.digest(pre));
  }
}
