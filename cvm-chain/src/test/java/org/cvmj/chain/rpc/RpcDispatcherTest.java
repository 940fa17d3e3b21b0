package org.cvmj.chain.rpc;

import static org.cvmj.chain.rpc.EthMethodsTest.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The JSON-RPC 2.0 protocol: batches, notifications and every error class. */
class RpcDispatcherTest {
  final FakeBackend node = new FakeBackend();
  final RpcDispatcher rpc = new RpcDispatcher(RpcMethods.standard(node));

  Optional<String> handle(String body) {
    return rpc.handle(body.getBytes(StandardCharsets.UTF_8)).map(b -> new String(b, StandardCharsets.UTF_8));
  }

  void assertAnswer(String request, String response) {
    assertEquals(Optional.of(q(response)), handle(q(request)));
  }

  static String err(String id, int code, String message) {
    return "{'jsonrpc':'2.0','id':" + id + ",'error':{'code':" + code + ",'message':'" + message + "'}}";
  }

  @Test
  void parseErrors() {
    for (String bad : List.of("", "{", "{'jsonrpc':'2.0',", "[1,2", "nonsense", "{} {}", "NaN")) {
      assertEquals(Optional.of(q(err("null", -32700, "parse error"))), handle(q(bad)), bad);
    }
  }

  @Test
  void invalidRequests() {
    assertAnswer("42", err("null", -32600, "invalid request"));
    assertAnswer("'eth_chainId'", err("null", -32600, "invalid request"));
    assertAnswer("{'id':1,'method':'eth_chainId'}", err("1", -32600, "invalid request: jsonrpc must be \\'2.0\\'")
        .replace("\\'", "\\\""));
    assertAnswer("{'jsonrpc':'1.0','id':1,'method':'eth_chainId'}",
        err("1", -32600, "invalid request: jsonrpc must be \\'2.0\\'").replace("\\'", "\\\""));
    assertAnswer("{'jsonrpc':'2.0','id':'a','method':7}", err("'a'", -32600, "invalid request: method must be a string"));
    assertAnswer("{'jsonrpc':'2.0','id':{'x':1},'method':'eth_chainId'}",
        err("null", -32600, "invalid request: id must be a string, number or null"));
    assertAnswer("{'jsonrpc':'2.0','id':2,'method':'eth_chainId','params':{'a':1}}",
        err("2", -32602, "non-array args: params must be an array"));
  }

  @Test
  void idsAreEchoed() {
    assertAnswer("{'jsonrpc':'2.0','id':'abc','method':'eth_chainId'}", "{'jsonrpc':'2.0','id':'abc','result':'0x539'}");
    assertAnswer("{'jsonrpc':'2.0','id':null,'method':'eth_chainId','params':null}",
        "{'jsonrpc':'2.0','id':null,'result':'0x539'}");
    assertAnswer("{'jsonrpc':'2.0','id':18446744073709551617,'method':'eth_chainId','params':[]}",
        "{'jsonrpc':'2.0','id':18446744073709551617,'result':'0x539'}");
  }

  @Test
  void unknownMethod() {
    assertAnswer("{'jsonrpc':'2.0','id':1,'method':'eth_foo','params':[]}",
        err("1", -32601, "the method eth_foo does not exist/is not available"));
  }

  @Test
  void invalidParams() {
    String a = EthMethodsTest.ALICE;
    String[][] cases = {
        {"eth_getBalance", "[]", "missing value for required argument 0 (address)"},
        {"eth_getBalance", "[null,'latest']", "missing value for required argument 0 (address)"},
        {"eth_getBalance", "['" + a + "','latest',1]", "too many arguments, want at most 2"},
        {"eth_getBalance", "[7]", "invalid argument 0 (address): expected a JSON string, got a number"},
        {"eth_getBalance", "['a11ce']", "invalid argument 0 (address): hex string without 0x prefix"},
        {"eth_getBalance", "['0xa11ce']", "invalid argument 0 (address): hex string of odd length"},
        {"eth_getBalance", "['0x0a11ce']", "invalid argument 0 (address): an address must be 20 bytes (40 hex digits), got 3"},
        {"eth_getBalance", "['" + a + "','newest']", "invalid argument 1 (block): expected a block number (QUANTITY) or "
            + "one of latest, pending, earliest, safe, finalized; got \\'newest\\'"},
        {"eth_getBalance", "['" + a + "','0x01']", "invalid argument 1 (block): hex number with leading zero digits: 0x01"},
        {"eth_getBalance", "['" + a + "','0x']", "invalid argument 1 (block): hex string \\'0x\\' has no digits; zero is \\'0x0\\'"},
        {"eth_getBalance", "['" + a + "','0xffffffffffffffff']", "invalid argument 1 (block): hex number > 63 bits: 0xffffffffffffffff"},
        {"eth_getBalance", "['" + a + "',{}]", "invalid argument 1 (block): a block object needs blockHash or blockNumber"},
        {"eth_getTransactionByHash", "['0x12']", "invalid argument 0 (hash): a hash must be 32 bytes (64 hex digits), got 1"},
        {"eth_getBlockByNumber", "['latest']", "missing value for required argument 1 (fullTransactions)"},
        {"eth_getBlockByNumber", "['latest','true']", "invalid argument 1 (fullTransactions): expected a JSON boolean, got string"},
        {"eth_call", "['0x12']", "invalid argument 0 (transaction): expected a transaction call object, got string"},
        {"eth_call", "[{'value':'0x0g'}]", "invalid argument 0 (transaction): field value: invalid hex string: 0x0g"},
        {"eth_call", "[{'value':'0x1" + "0".repeat(64) + "'}]", "invalid argument 0 (transaction): field value: hex number > 256 bits"},
        {"eth_call", "[{'data':'0x01','input':'0x02'}]", "invalid argument 0 (transaction): both \\'data\\' and \\'input\\' "
            + "are set and not equal; please use \\'input\\' to pass transaction call data"},
        {"eth_call", "[{'gasPrice':'0x1','maxFeePerGas':'0x2'}]",
            "invalid argument 0 (transaction): both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified"},
        {"eth_call", "[{'accessList':[{'address':'" + a + "','storageKeys':['0x1']}]}]",
            "invalid argument 0 (transaction): field accessList[0].storageKeys[0]: hex string of odd length"},
        {"eth_sendRawTransaction", "['0xabc']", "invalid argument 0 (signedTransaction): hex string of odd length"},
        {"eth_getLogs", "[{'address':['" + a + "','0x1']}]", "invalid argument 0 (filter): field address[1]: hex string of odd length"},
        {"eth_getStorageAt", "['" + a + "','0x" + "0".repeat(65) + "']",
            "invalid argument 1 (slot): a storage slot is 1 to 64 hex digits, got 65"},
        {"evm_increaseTime", "[-5]", "invalid argument 0 (seconds): expected a non-negative 63-bit integer, got -5"},
    };
    for (String[] c : cases) {
      String expected = err("1", -32602, c[2]).replace("\\'", "\\\"");
      assertEquals(Optional.of(q(expected)),
          handle(q("{'jsonrpc':'2.0','id':1,'method':'" + c[0] + "','params':" + c[1] + "}")), c[0] + " " + c[1]);
    }
  }

  @Test
  void backendFailureIsInternalError() {
    assertAnswer("{'jsonrpc':'2.0','id':1,'method':'eth_call','params':[{'input':'0xee'}]}",
        err("1", -32603, "internal error: backend exploded"));
    assertAnswer("{'jsonrpc':'2.0','id':2,'method':'eth_chainId'}", "{'jsonrpc':'2.0','id':2,'result':'0x539'}");
  }

  @Test
  void batches() {
    assertAnswer("[]", err("null", -32600, "empty batch"));
    assertAnswer("[{'jsonrpc':'2.0','id':1,'method':'eth_chainId'},"
            + "{'jsonrpc':'2.0','method':'evm_mine'},"
            + "7,"
            + "{'jsonrpc':'2.0','id':2,'method':'eth_nope'},"
            + "{'jsonrpc':'2.0','id':3,'method':'eth_blockNumber'}]",
        "[{'jsonrpc':'2.0','id':1,'result':'0x539'},"
            + err("null", -32600, "invalid request") + ","
            + err("2", -32601, "the method eth_nope does not exist/is not available") + ","
            + "{'jsonrpc':'2.0','id':3,'result':'0x2'}]");
    assertEquals(1, node.mined.size(), "the notification ran");
    StringBuilder big = new StringBuilder("[");
    for (int i = 0; i <= RpcDispatcher.MAX_BATCH; i++) {
      big.append(i == 0 ? "" : ",").append("{'jsonrpc':'2.0','id':").append(i).append(",'method':'eth_chainId'}");
    }
    assertAnswer(big + "]", err("null", -32600, "batch too large (at most 1000 requests)"));
  }

  @Test
  void notificationsGetNoResponse() {
    assertEquals(Optional.empty(), handle(q("{'jsonrpc':'2.0','method':'evm_mine'}")));
    assertEquals(Optional.empty(), handle(q("{'jsonrpc':'2.0','method':'eth_nope'}")));
    assertEquals(Optional.empty(), handle(q("[{'jsonrpc':'2.0','method':'evm_mine'},{'jsonrpc':'2.0','method':'x'}]")));
    assertEquals(2, node.mined.size());
  }

  @Test
  void revertReasonDecoding() {
    assertEquals(null, RpcException.errorStringReason(new byte[] {0x08, (byte) 0xc3, 0x79, (byte) 0xa0}));
    byte[] lying = new byte[4 + 64];
    System.arraycopy(new byte[] {0x08, (byte) 0xc3, 0x79, (byte) 0xa0}, 0, lying, 0, 4);
    lying[4] = 0x7f; // offset far beyond the data
    assertEquals(null, RpcException.errorStringReason(lying));
    RpcException plain = RpcException.reverted(new byte[] {1, 2});
    assertEquals("execution reverted", plain.getMessage());
    assertEquals("\"0x0102\"", plain.data().toString());
  }

  @Test
  void registryHasEveryListedMethodOnce() {
    List<String> names = RpcMethods.standard(node).names();
    for (String m : List.of("eth_chainId", "net_version", "web3_clientVersion", "eth_blockNumber", "eth_accounts",
        "eth_getBalance", "eth_getTransactionCount", "eth_getCode", "eth_getStorageAt", "eth_call",
        "eth_estimateGas", "eth_gasPrice", "eth_maxPriorityFeePerGas", "eth_feeHistory", "eth_sendRawTransaction",
        "eth_sendTransaction", "eth_getTransactionByHash", "eth_getTransactionReceipt", "eth_getBlockByNumber",
        "eth_getBlockByHash", "eth_getLogs", "eth_newFilter", "eth_newBlockFilter", "eth_getFilterChanges",
        "eth_uninstallFilter", "evm_mine", "evm_snapshot", "evm_revert", "evm_increaseTime")) {
      assertTrue(names.contains(m), m);
    }
  }
}
