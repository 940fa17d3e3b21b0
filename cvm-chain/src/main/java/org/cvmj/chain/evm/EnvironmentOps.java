package org.cvmj.chain.evm;

import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Keccak256;

/** 0x20 KECCAK256 and 0x30-0x4A: what a frame can read about its message, its code, other accounts and the block. */
final class EnvironmentOps {
  private EnvironmentOps() {}

  private static final Word EMPTY_HASH = Word.fromBytes(Keccak256.EMPTY.bytes());

  /** EIP-2929: 100 for a warm address, 2600 for a cold one, which becomes warm. */
  static long accessCost(Frame f, Address a) {
    return f.state().warm(a) ? GasCost.COLD_ACCOUNT_ACCESS : GasCost.WARM_ACCESS;
  }

  static long accessTopGas(Frame f) {
    return accessCost(f, f.stack.peek(0).toAddress());
  }

  static void keccak256(Frame f) {
    long off = f.stack.pop().longValue();
    Word size = f.stack.pop();
    // The interpreter grew memory to cover the range (its size fits an int), so it hashes in place.
    f.stack.push(size.isZero() ? EMPTY_HASH : f.keccak256(f.memory.array(), (int) off, (int) size.longValue()));
  }

  static long keccak256Gas(Frame f) {
    return GasCost.perWord(GasCost.KECCAK256_WORD, f.stack.peek(1).clampedLong());
  }

  static void address(Frame f) {
    f.stack.push(Word.fromAddress(f.address()));
  }

  static void balance(Frame f) {
    f.stack.push(f.state().balance(f.stack.pop().toAddress()));
  }

  static void origin(Frame f) {
    f.stack.push(Word.fromAddress(f.evm.tx().origin()));
  }

  static void caller(Frame f) {
    f.stack.push(Word.fromAddress(f.message.caller()));
  }

  static void callvalue(Frame f) {
    f.stack.push(f.message.value());
  }

  static void calldataload(Frame f) {
    Word off = f.stack.pop();
    byte[] in = f.message.input();
    byte[] buf = new byte[32];
    if (off.fitsLong() && off.longValue() < in.length) {
      int o = (int) off.longValue();
      System.arraycopy(in, o, buf, 0, Math.min(32, in.length - o));
    }
    f.stack.push(Word.fromBytes(buf));
  }

  static void calldatasize(Frame f) {
    f.stack.push(Word.of(f.message.input().length));
  }

  /** CALLDATACOPY, CODECOPY and RETURNDATACOPY: (destOffset, offset, size); copy gas 3 per word. */
  static long copyEnd(Stack s) {
    return Operation.memoryEnd(s.peek(0), s.peek(2));
  }

  static long copyGas(Frame f) {
    return GasCost.perWord(GasCost.COPY_WORD, f.stack.peek(2).clampedLong());
  }

  static void calldatacopy(Frame f) {
    copyPadded(f, f.message.input());
  }

  static void codesize(Frame f) {
    f.stack.push(Word.of(f.code.length));
  }

  static void codecopy(Frame f) {
    copyPadded(f, f.code);
  }

  private static void copyPadded(Frame f, byte[] src) {
    long dst = f.stack.pop().longValue();
    Word off = f.stack.pop();
    Word size = f.stack.pop();
    if (size.isZero()) return;
    f.memory.writePadded(dst, size.longValue(), src, off.clampedLong());
  }

  static void gasprice(Frame f) {
    f.stack.push(f.evm.tx().gasPrice());
  }

  static void extcodesize(Frame f) {
    f.stack.push(Word.of(f.state().code(f.stack.pop().toAddress()).length));
  }

  /** EXTCODECOPY: (address, destOffset, offset, size). */
  static long extcodecopyEnd(Stack s) {
    return Operation.memoryEnd(s.peek(1), s.peek(3));
  }

  static long extcodecopyGas(Frame f) {
    return GasCost.add(GasCost.perWord(GasCost.COPY_WORD, f.stack.peek(3).clampedLong()), accessTopGas(f));
  }

  static void extcodecopy(Frame f) {
    byte[] code = f.state().code(f.stack.pop().toAddress());
    copyPadded(f, code);
  }

  static void returndatasize(Frame f) {
    f.stack.push(Word.of(f.returnData.length));
  }

  /** Unlike the other copies, reading past the end of the return data halts the frame (EIP-211). */
  static void returndatacopy(Frame f) {
    long dst = f.stack.pop().longValue();
    Word off = f.stack.pop();
    Word size = f.stack.pop();
    // EIP-211: offset + size past the return data halts, even when size is zero.
    long end = off.fitsLong() && size.fitsLong() ? off.longValue() + size.longValue() : -1;
    if (end < 0 || end > f.returnData.length) {
      throw new EvmHalt(HaltReason.RETURN_DATA_OUT_OF_BOUNDS);
    }
    if (size.isZero()) return;
    f.memory.writePadded(dst, size.longValue(), f.returnData, off.longValue());
  }

  /** EXTCODEHASH: zero for an empty or missing account (EIP-1052, EIP-161). */
  static void extcodehash(Frame f) {
    Address a = f.stack.pop().toAddress();
    f.stack.push(f.state().isEmpty(a) ? Word.ZERO : f.state().codeHash(a));
  }

  static void blockhash(Frame f) {
    f.stack.push(f.evm.block().blockHash(f.stack.pop()));
  }

  static void coinbase(Frame f) {
    f.stack.push(Word.fromAddress(f.evm.block().coinbase()));
  }

  static void timestamp(Frame f) {
    f.stack.push(Word.of(f.evm.block().timestamp()));
  }

  static void number(Frame f) {
    f.stack.push(Word.of(f.evm.block().number()));
  }

  static void prevrandao(Frame f) {
    f.stack.push(f.evm.block().prevRandao());
  }

  static void gaslimit(Frame f) {
    f.stack.push(Word.of(f.evm.block().gasLimit()));
  }

  static void chainid(Frame f) {
    f.stack.push(f.evm.block().chainId());
  }

  static void selfbalance(Frame f) {
    f.stack.push(f.state().balance(f.address()));
  }

  static void basefee(Frame f) {
    f.stack.push(f.evm.block().baseFee());
  }

  /** BLOBHASH (EIP-4844): the transaction's versioned hash at the index, or zero past the end. */
  static void blobhash(Frame f) {
    Word i = f.stack.pop();
    var hashes = f.evm.tx().blobHashes();
    f.stack.push(i.fitsLong() && i.longValue() < hashes.size() ? hashes.get((int) i.longValue()) : Word.ZERO);
  }

  static void blobbasefee(Frame f) {
    f.stack.push(f.evm.block().blobBaseFee());
  }
}
