package org.cvmj.cvm.mips;

import java.util.Arrays;

/**
 * The one-step verifier: from a state hash both parties agree on and a {@link StepWitness}, the hash of the
 * state after that step — computed by {@link Step} over memory that holds only the proven words, exactly as
 * an on-chain verifier would. Any witness that does not prove what the step needs is rejected.
 */
public final class StepVerifier {
  private StepVerifier() {}

  public static byte[] verify(byte[] preStateHash, StepWitness witness) throws MipsException {
    Keccak keccak = new Keccak();
    byte[] packed = witness.state();
    if (!Arrays.equals(keccak.hash(packed), preStateHash)) {
      throw new MipsException("witness state does not hash to the pre-state hash");
    }
    byte[] root = new byte[32];
    State s = State.decode(packed, root);
    ProofMemory memory = new ProofMemory(keccak, root, s, witness.instructionProof(), witness.dataProof());
    Step.execute(s, memory, new Host() {
      @Override
      public void write(int fd, int addr, int count) {
        // output is a side channel: it changes no state
      }

      @Override
      public byte[] readStdin(int max) throws MipsException {
        throw new MipsException("step " + s.step + " reads standard input, which the state does not commit to");
      }
    });
    memory.requireDataProofUsed();
    return keccak.hash(s.encode(memory.root));
  }

  /** Memory that knows the instruction word and at most one data word, each checked against the root. */
  private static final class ProofMemory implements WordMemory {
    private final Keccak keccak;
    private byte[] root;
    private final byte[] instructionLeaf;
    private final byte[] dataProof;
    private int dataAddr;
    private boolean dataUsed;
    private boolean fetched;

    ProofMemory(Keccak keccak, byte[] root, State s, byte[] instructionProof, byte[] dataProof)
        throws MipsException {
      this.keccak = keccak;
      this.root = root;
      this.dataProof = dataProof;
      if (s.exited) {
        requireLength(instructionProof, 0, "instruction proof of an exited machine");
        instructionLeaf = null;
      } else {
        requireLength(instructionProof, StepWitness.PROOF_SIZE, "instruction proof");
        if (!Arrays.equals(rootOf(instructionProof, s.pc), root)) {
          throw new MipsException("instruction proof for pc 0x" + Step.hex(s.pc) + " does not match the memory root");
        }
        instructionLeaf = Arrays.copyOf(instructionProof, 32);
      }
      if (dataProof.length != 0) {
        requireLength(dataProof, StepWitness.PROOF_SIZE, "data proof");
      }
    }

    @Override
    public int readWord(int addr) throws MipsException {
      if (!fetched) {
        fetched = true; // the first read of a step is its instruction fetch, at pc
        return word(instructionLeaf, addr);
      }
      return word(dataLeaf(addr), addr);
    }

    @Override
    public void writeWord(int addr, int value) throws MipsException {
      byte[] leaf = dataLeaf(addr);
      int at = addr & 31;
      leaf[at] = (byte) (value >>> 24);
      leaf[at + 1] = (byte) (value >>> 16);
      leaf[at + 2] = (byte) (value >>> 8);
      leaf[at + 3] = (byte) value;
      System.arraycopy(leaf, 0, dataProof, 0, 32);
      // the siblings still hold: the step changes nothing else
      root = rootOf(dataProof, addr);
    }

    /** The data leaf, after checking on first use that its proof is for this address and this root. */
    private byte[] dataLeaf(int addr) throws MipsException {
      if (dataProof.length == 0) {
        throw new MipsException("the step touches memory at 0x" + Step.hex(addr) + " but the witness has no data proof");
      }
      if (!dataUsed) {
        if (!Arrays.equals(rootOf(dataProof, addr), root)) {
          throw new MipsException("data proof for 0x" + Step.hex(addr) + " does not match the memory root");
        }
        dataUsed = true;
        dataAddr = addr;
      } else if (addr != dataAddr) {
        throw new MipsException("the step touches a second data word at 0x" + Step.hex(addr));
      }
      return Arrays.copyOf(dataProof, 32);
    }

    void requireDataProofUsed() throws MipsException {
      if (dataProof.length != 0 && !dataUsed) {
        throw new MipsException("the witness carries a data proof but the step touches no data word");
      }
    }

    private byte[] rootOf(byte[] proof, int addr) {
      byte[] node = Arrays.copyOf(proof, 32);
      byte[] sibling = new byte[32];
      int index = addr >>> 5;
      for (int h = 0; h < MemoryTree.DEPTH; h++) {
        System.arraycopy(proof, 32 * (h + 1), sibling, 0, 32);
        node = ((index >>> h) & 1) == 0 ? keccak.hashPair(node, sibling) : keccak.hashPair(sibling, node);
      }
      return node;
    }

    private static int word(byte[] leaf, int addr) {
      int at = addr & 31;
      return ((leaf[at] & 0xFF) << 24) | ((leaf[at + 1] & 0xFF) << 16) | ((leaf[at + 2] & 0xFF) << 8)
          | (leaf[at + 3] & 0xFF);
    }

    private static void requireLength(byte[] proof, int expected, String what) throws MipsException {
      if (proof.length != expected) {
        throw new MipsException(what + " has " + proof.length + " bytes, expected " + expected);
      }
    }
  }
}
