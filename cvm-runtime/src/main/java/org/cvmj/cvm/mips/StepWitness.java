package org.cvmj.cvm.mips;

/**
 * Everything needed to execute one step without the machine: the packed pre-state, the Merkle proof of the
 * instruction word (empty once the program has exited) and the proof of the one data word the step touches
 * (empty when it touches none). A proof is 28 × 32 bytes: the leaf, then 27 siblings from the bottom up.
 */
public record StepWitness(byte[] state, byte[] instructionProof, byte[] dataProof) {
  public static final int PROOF_SIZE = 32 * (MemoryTree.DEPTH + 1);

  public StepWitness {
    state = state.clone();
    instructionProof = instructionProof.clone();
    dataProof = dataProof.clone();
  }

  @Override
  public byte[] state() {
    return state.clone();
  }

  @Override
  public byte[] instructionProof() {
    return instructionProof.clone();
  }

  @Override
  public byte[] dataProof() {
    return dataProof.clone();
  }

  /** The hash of the pre-state this witness claims to start from. */
  public byte[] preStateHash() {
    return new Keccak().hash(state);
  }
}
