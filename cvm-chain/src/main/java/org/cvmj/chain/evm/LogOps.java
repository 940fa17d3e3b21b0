package org.cvmj.chain.evm;

import java.util.ArrayList;
import java.util.List;

/** 0xA0-0xA4 LOG0..LOG4: 375 + 375 per topic + 8 per data byte. */
final class LogOps {
  private LogOps() {}

  static long gas(Frame f) {
    long size = f.stack.peek(1).clampedLong();
    return size > Long.MAX_VALUE / 16 ? Long.MAX_VALUE : GasCost.LOG_DATA_BYTE * size;
  }

  static Operation.Execution log(int topics) {
    return f -> {
      long off = f.stack.pop().longValue();
      Word size = f.stack.pop();
      List<Word> t = new ArrayList<>(topics);
      for (int i = 0; i < topics; i++) t.add(f.stack.pop());
      byte[] data = size.isZero() ? new byte[0] : f.memory.read(off, size.longValue());
      f.state().addLog(new Log(f.address(), t, data));
    };
  }
}
