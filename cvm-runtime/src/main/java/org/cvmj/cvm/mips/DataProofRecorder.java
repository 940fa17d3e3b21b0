package org.cvmj.cvm.mips;

/**
 * Records the one data word a step touches and its Merkle proof, taken before the step changes it. The first
 * read of a step is its instruction fetch; every later access is data.
 */
final class DataProofRecorder {
  private final Memory memory;
  private boolean fetched;
  private int dataAddr;
  private byte[] dataProof;

  DataProofRecorder(Memory memory) {
    this.memory = memory;
  }

  void read(int addr) {
    if (!fetched) {
      fetched = true;
    } else {
      touch(addr);
    }
  }

  void touch(int addr) {
    if (dataProof == null) {
      dataAddr = addr;
      dataProof = memory.proof(addr);
    } else if (addr != dataAddr) {
      throw new IllegalStateException("a step touched two data words: 0x" + Step.hex(dataAddr) + " and 0x"
          + Step.hex(addr));
    }
  }

  byte[] dataProof() {
    return dataProof == null ? new byte[0] : dataProof;
  }
}
