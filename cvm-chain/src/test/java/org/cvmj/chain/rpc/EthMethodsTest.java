package org.cvmj.chain.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Each RPC method's request and exact response JSON, against {@link FakeBackend}. */
class EthMethodsTest {
  static final String ALICE = addr("a11ce");
  static final String BOB = addr("b0b");
  static final String TOKEN = addr("70c");

  final FakeBackend node = new FakeBackend();
  final RpcDispatcher rpc = new RpcDispatcher(RpcMethods.standard(node));

  static String addr(String hex) {
    return "0x" + "0".repeat(40 - hex.length()) + hex;
  }

  static String h(long v) {
    String hex = Long.toHexString(v);
    return "0x" + "0".repeat(64 - hex.length()) + hex;
  }

  /** Single quotes in test JSON stand for double quotes. */
  static String q(String json) {
    return json.replace('\'', '"');
  }

  String call(String method, String params) {
    String req = q("{'jsonrpc':'2.0','id':1,'method':'" + method + "','params':" + params + "}");
    return new String(rpc.handle(req.getBytes(StandardCharsets.UTF_8)).orElseThrow(), StandardCharsets.UTF_8);
  }

  void assertResult(String method, String params, String result) {
    assertEquals(q("{'jsonrpc':'2.0','id':1,'result':" + result + "}"), call(method, q(params)));
  }

  void assertError(String method, String params, int code, String message) {
    assertEquals(q("{'jsonrpc':'2.0','id':1,'error':{'code':" + code + ",'message':'" + message + "'}}"),
        call(method, q(params)));
  }

  @Test
  void identity() {
    assertResult("eth_chainId", "[]", "'0x539'");
    assertResult("net_version", "[]", "'1337'");
    assertResult("web3_clientVersion", "[]", "'cvm-chain/test'");
    assertResult("eth_blockNumber", "[]", "'0x1'");
    assertResult("eth_accounts", "[]", "['" + ALICE + "','" + BOB + "']");
    assertResult("net_listening", "[]", "true");
    assertResult("net_peerCount", "[]", "'0x0'");
    assertResult("eth_syncing", "[]", "false");
    assertResult("web3_sha3", "['0x']", "'0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470'");
  }

  @Test
  void stateReads() {
    assertResult("eth_getBalance", "['" + ALICE + "','latest']", "'0xde0b6b3a7640000'");
    assertResult("eth_getBalance", "['" + BOB + "']", "'0x0'");
    assertResult("eth_getBalance", "['" + ALICE + "',{'blockHash':'" + h(1001) + "'}]", "'0xde0b6b3a7640000'");
    assertResult("eth_getTransactionCount", "['" + ALICE + "','0x1']", "'0x6'");
    assertResult("eth_getCode", "['" + TOKEN + "','pending']", "'0x6000'");
    assertResult("eth_getCode", "['" + BOB + "','earliest']", "'0x'");
    assertResult("eth_getStorageAt", "['" + TOKEN + "','0x0','latest']", "'" + h(42) + "'");
    assertResult("eth_getStorageAt", "['" + TOKEN + "','" + h(0) + "']", "'" + h(42) + "'");
    assertError("eth_getBalance", "['" + ALICE + "','0x9']", -32000, "header not found");
  }

  @Test
  void callAndEstimate() {
    assertResult("eth_call", "[{'to':'" + TOKEN + "','input':'0x1234'},'latest']", "'0x1234'");
    assertResult("eth_call", "[{'to':'" + TOKEN + "','data':'0x12'}]", "'0x12'");
    assertResult("eth_estimateGas", "[{'from':'" + ALICE + "','to':'" + BOB + "','value':'0x1'}]", "'0x5208'");
    assertEquals(q("{'jsonrpc':'2.0','id':1,'error':{'code':3,'message':'execution reverted: no','data':'0x08c379a0"
            + "0000000000000000000000000000000000000000000000000000000000000020"
            + "0000000000000000000000000000000000000000000000000000000000000002"
            + "6e6f000000000000000000000000000000000000000000000000000000000000'}}"),
        call("eth_call", q("[{'to':'" + TOKEN + "','input':'0xff'}]")));
  }

  @Test
  void fees() {
    assertResult("eth_gasPrice", "[]", "'0x3b9aca07'");
    assertResult("eth_maxPriorityFeePerGas", "[]", "'0x7'");
    assertResult("eth_feeHistory", "['0x2','latest',[25,75]]",
        "{'oldestBlock':'0x0','reward':[['0x0','0x7'],['0x0','0x0']],"
            + "'baseFeePerGas':['0x3b9aca00','0x342770c0','0x2da282a8'],'gasUsedRatio':[0,0.0007]}");
    assertResult("eth_feeHistory", "[2,'latest']",
        "{'oldestBlock':'0x0','baseFeePerGas':['0x3b9aca00','0x342770c0','0x2da282a8'],'gasUsedRatio':[0,0.0007]}");
    assertError("eth_feeHistory", "['0x0','latest']", -32602, "invalid argument 0 (blockCount): must be 1 to 1024, got 0");
    assertError("eth_feeHistory", "['0x2','latest',[75,25]]", -32602,
        "invalid argument 2 (rewardPercentiles): invalid reward percentile: #1:25 (percentiles are increasing, "
            + "within [0, 100])");
  }

  @Test
  void sending() {
    assertResult("eth_sendRawTransaction", "['0x02f8']", "'" + h(0x5e4d) + "'");
    assertError("eth_sendRawTransaction", "['0x']", -32000, "typed transaction too short");
    assertResult("eth_sendTransaction", "[{'from':'" + ALICE + "','to':'" + BOB + "','value':'0xa'}]",
        "'" + h(0x5e4e) + "'");
    assertError("eth_sendTransaction", "[{'to':'" + BOB + "'}]", -32602,
        "invalid argument 0 (transaction): field from is required");
  }

  static String tx1Json() {
    return "{'blockHash':'" + h(1001) + "','blockNumber':'0x1','from':'" + ALICE + "','gas':'0x5208',"
        + "'gasPrice':'0x3b9aca07','maxFeePerGas':'0x77359400','maxPriorityFeePerGas':'0x7','hash':'" + h(0x7101)
        + "','input':'0xabcd','nonce':'0x5','to':'" + TOKEN + "','transactionIndex':'0x0','value':'0xa',"
        + "'type':'0x2','accessList':[],'chainId':'0x539','v':'0x1','r':'0x1234','s':'0x5678','yParity':'0x1'}";
  }

  static String log1Json() {
    return "{'address':'" + TOKEN + "','topics':['" + h(0xe7) + "'],'data':'0x01','blockNumber':'0x1',"
        + "'transactionHash':'" + h(0x7101) + "','transactionIndex':'0x0','blockHash':'" + h(1001)
        + "','logIndex':'0x0','removed':false}";
  }

  static String block1Json(String transactions) {
    return "{'baseFeePerGas':'0x3b9aca00','blobGasUsed':'0x0','difficulty':'0x0','excessBlobGas':'0x0',"
        + "'extraData':'0x','gasLimit':'0x1c9c380','gasUsed':'0x5208','hash':'" + h(1001) + "','logsBloom':'0x"
        + "0".repeat(512) + "','miner':'" + BOB + "','mixHash':'" + h(0) + "','nonce':'0x0000000000000000',"
        + "'number':'0x1','parentBeaconBlockRoot':'" + h(0) + "','parentHash':'" + h(1000) + "','receiptsRoot':'"
        + h(0x7e) + "','sha3Uncles':'" + h(0x5a) + "','size':'0x259','stateRoot':'" + h(0x57)
        + "','timestamp':'0x6553f10c','transactions':" + transactions + ",'transactionsRoot':'" + h(0x70)
        + "','uncles':[],'withdrawals':[],'withdrawalsRoot':'" + h(0x3d) + "'}";
  }

  @Test
  void transactionsReceiptsBlocks() {
    assertResult("eth_getTransactionByHash", "['" + h(0x7101) + "']", tx1Json());
    assertResult("eth_getTransactionByHash", "['" + h(0xdead) + "']", "null");
    assertResult("eth_getTransactionReceipt", "['" + h(0x7101) + "']",
        "{'blockHash':'" + h(1001) + "','blockNumber':'0x1','contractAddress':null,'cumulativeGasUsed':'0x5208',"
            + "'effectiveGasPrice':'0x3b9aca07','from':'" + ALICE + "','gasUsed':'0x5208','logs':[" + log1Json()
            + "],'logsBloom':'0x" + "0".repeat(512) + "','status':'0x1','to':'" + TOKEN + "','transactionHash':'"
            + h(0x7101) + "','transactionIndex':'0x0','type':'0x2'}");
    assertResult("eth_getTransactionReceipt", "['" + h(0xdead) + "']", "null");
    assertResult("eth_getBlockByNumber", "['0x1',false]", block1Json("['" + h(0x7101) + "']"));
    assertResult("eth_getBlockByNumber", "['latest',true]", block1Json("[" + tx1Json() + "]"));
    assertResult("eth_getBlockByHash", "['" + h(1001) + "',false]", block1Json("['" + h(0x7101) + "']"));
    assertResult("eth_getBlockByNumber", "['0x7',false]", "null");
    assertResult("eth_getBlockByHash", "['" + h(5) + "',true]", "null");
  }

  @Test
  void pendingTransactionHasNullPosition() {
    node.pending.put(FakeBackend.hashOf(0x9), new TransactionView(FakeBackend.hashOf(0x9), 0, 1, null, null, null,
        FakeBackend.ALICE, null, java.math.BigInteger.ZERO, 53000, java.math.BigInteger.TWO, null, null,
        new byte[0], null, null, java.math.BigInteger.valueOf(27), java.math.BigInteger.ONE,
        java.math.BigInteger.ONE));
    assertResult("eth_getTransactionByHash", "['" + h(0x9) + "']",
        "{'blockHash':null,'blockNumber':null,'from':'" + ALICE + "','gas':'0xcf08','gasPrice':'0x2','hash':'"
            + h(0x9) + "','input':'0x','nonce':'0x1','to':null,'transactionIndex':null,'value':'0x0','type':'0x0',"
            + "'v':'0x1b','r':'0x1','s':'0x1'}");
  }

  @Test
  void logs() {
    assertResult("eth_getLogs", "[{'fromBlock':'0x0','toBlock':'latest','address':'" + TOKEN + "','topics':[['"
        + h(0xe7) + "',null]]}]", "[" + log1Json() + "]");
    assertResult("eth_getLogs", "[{'fromBlock':'0x0','topics':['" + h(0xe8) + "']}]", "[]");
    assertResult("eth_getLogs", "[{'fromBlock':'0x0','address':['" + BOB + "']}]", "[]");
    assertError("eth_getLogs", "[{'fromBlock':'0x0','blockHash':'" + h(1001) + "'}]", -32602,
        "invalid argument 0 (filter): cannot specify both BlockHash and FromBlock/ToBlock, choose one or the other");
    assertError("eth_getLogs", "[{'topics':[null,null,null,null,null]}]", -32602,
        "invalid argument 0 (filter): field topics: exceed max topics (at most 4 positions)");
  }

  @Test
  void filters() {
    assertResult("eth_newBlockFilter", "[]", "'0x1'");
    assertResult("eth_newFilter", "[{'address':'" + TOKEN + "'}]", "'0x2'");
    assertResult("eth_getFilterChanges", "['0x1']", "[]");
    node.mine(OptionalLong.empty());
    assertResult("eth_getFilterChanges", "['0x1']", "['" + h(1002) + "']");
    assertResult("eth_getFilterChanges", "['0x1']", "[]");
    assertResult("eth_getFilterChanges", "['0x2']",
        "[{'address':'" + TOKEN + "','topics':['" + h(0xe7) + "'],'data':'0x02','blockNumber':'0x2',"
            + "'transactionHash':'" + h(0x7102) + "','transactionIndex':'0x0','blockHash':'" + h(1002)
            + "','logIndex':'0x0','removed':false}]");
    assertResult("eth_getFilterChanges", "['0x2']", "[]");
    assertResult("eth_uninstallFilter", "['0x1']", "true");
    assertResult("eth_uninstallFilter", "['0x1']", "false");
    assertError("eth_getFilterChanges", "['0x1']", -32000, "filter not found");
    assertError("eth_getFilterLogs", "['0x1']", -32000, "filter not found");
  }

  @Test
  void devMethods() {
    assertResult("evm_mine", "[]", "'0x0'");
    assertResult("evm_mine", "[1800000000]", "'0x0'");
    assertEquals(List.of(OptionalLong.empty(), OptionalLong.of(1_800_000_000)), node.mined);
    assertResult("eth_blockNumber", "[]", "'0x3'");
    assertResult("evm_snapshot", "[]", "'0x1'");
    assertResult("evm_revert", "['0x1']", "true");
    assertResult("evm_revert", "['0x9']", "false");
    assertResult("evm_increaseTime", "[3600]", "3600");
    assertResult("evm_increaseTime", "['0xe10']", "7200");
  }
}
