package org.cvmj.uploader.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.cvmj.uploader.chain.ModelInfo;
import org.cvmj.uploader.chain.ModelStatus;
import org.cvmj.uploader.model.Chunk;
import org.cvmj.uploader.report.ModelReport;
import org.cvmj.uploader.report.RewardsReport;
import org.cvmj.uploader.upload.UploadResult;
import org.web3j.crypto.Keys;
import org.web3j.utils.Convert;
import org.web3j.utils.Numeric;

/** The text the commands print on stdout: one "key: value" per line, addresses checksummed. */
final class Reports {
  private Reports() {}

  static void printUpload(PrintWriter out, UploadResult r) {
    out.println("model:        " + Keys.toChecksumAddress(r.model()));
    out.println("status:       " + status(r.status(), r.readyBlock(), r.head(), r.reason()));
    out.println("chunks:       " + r.chunksReceived() + " of " + r.chunksTotal() + " on chain, " + r.chunksSent()
        + " sent in this run" + (r.resumed() ? " (resumed an earlier registration)" : ""));
    if (r.status() == ModelStatus.UPLOADING && r.chunksReceived() < r.chunksTotal()) {
      out.println("next:         run the same command again to upload the rest");
    }
    out.println("transactions: " + r.transactions() + ", gas used " + r.gasUsed());
  }

  static void printStatus(PrintWriter out, ModelReport r) {
    ModelInfo i = r.info();
    out.println("model:        " + Keys.toChecksumAddress(r.model()));
    out.println("author:       " + Keys.toChecksumAddress(i.author()));
    out.println("status:       " + status(i.status(), i.readyBlock(), r.head(), r.rejection()));
    out.println("description:  " + r.description());
    out.println("input shape:  " + r.shape());
    out.println("symbol:       " + r.files().symbolSize() + " bytes, keccak256 "
        + Numeric.toHexString(r.files().symbolHash()));
    out.println("params:       " + r.files().paramsSize() + " bytes, keccak256 "
        + Numeric.toHexString(r.files().paramsHash()));
    out.println("chunks:       " + r.files().chunksReceived() + " of " + r.files().chunksTotal() + " received");
    if (!r.missing().isEmpty()) {
      out.println("missing:      " + missing(r.missing()));
    }
    out.println("fee:          " + i.fee() + " gas per call");
    if (i.status() == ModelStatus.READY) {
      out.println("ops:          " + i.ops());
    }
    out.println("calls:        " + i.calls());
    out.println("earned:       " + ether(i.earned()));
  }

  static void printRewards(PrintWriter out, RewardsReport r) {
    out.println("author:       " + Keys.toChecksumAddress(r.author()));
    out.println("earned:       " + ether(r.total()));
    out.println("models:       " + r.models().size());
    for (RewardsReport.Earning e : r.models()) {
      ModelInfo i = e.info();
      out.println("  " + Keys.toChecksumAddress(e.model()) + "  " + i.status().label() + ", fee " + i.fee()
          + " gas, " + i.calls() + " call" + (i.calls() == 1 ? "" : "s") + ", earned " + ether(i.earned()));
    }
  }

  static String status(ModelStatus s, long readyBlock, long head, String reason) {
    return switch (s) {
      case UPLOADING -> "uploading";
      case READY -> "ready, callable from block " + readyBlock + (head >= readyBlock ? " (now; head " + head + ")"
          : " (head is " + head + ")");
      case REJECTED -> "rejected: " + reason;
    };
  }

  /** "symbol 0, params 1-3, params 5": runs of consecutive chunk indexes per file. */
  static String missing(List<Chunk> chunks) {
    StringBuilder b = new StringBuilder();
    int i = 0;
    while (i < chunks.size()) {
      Chunk first = chunks.get(i);
      int j = i;
      while (j + 1 < chunks.size() && chunks.get(j + 1).file() == first.file()
          && chunks.get(j + 1).index() == chunks.get(j).index() + 1) {
        j++;
      }
      b.append(b.length() == 0 ? "" : ", ").append(first.file().fileName()).append(' ').append(first.index());
      if (j > i) {
        b.append('-').append(chunks.get(j).index());
      }
      i = j + 1;
    }
    return b.toString();
  }

  /** Wei, with the ether value beside it. */
  static String ether(BigInteger wei) {
    BigDecimal eth = Convert.fromWei(new BigDecimal(wei), Convert.Unit.ETHER).stripTrailingZeros();
    return wei + " wei (" + eth.toPlainString() + " ETH)";
  }
}
