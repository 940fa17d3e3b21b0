package org.cvmj.chain.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.cvmj.chain.crypto.Hex;
import org.junit.jupiter.api.Test;

/** Each {@code cvm_*} method's request and exact response JSON, against {@link FakeBackend}'s two models. */
class CvmMethodsTest {
  static final String ALICE = EthMethodsTest.ALICE;
  static final String BOB = EthMethodsTest.BOB;
  static final String MODEL = EthMethodsTest.addr("30de1");
  static final String UPLOADING = EthMethodsTest.addr("30de2");

  /** FakeBackend's ready model as of a block where it is (or is not) callable. */
  static String readyModel(boolean callable) {
    return "{'address':'" + MODEL + "','index':'0x1','author':'" + ALICE + "','status':'ready','rejection':null,"
        + "'description':'digits','symbolHash':'" + h(0x51) + "','symbolSize':'0x4150','paramsHash':'" + h(0x9a)
        + "','paramsSize':'0xfef1','inputShape':['0x1','0x1','0x1c','0x1c'],'inputElementSize':'0x1',"
        + "'inputBytes':'0x310','outputElementSize':'0x1','outputBytes':'0xa','fee':'0x2710','ops':'0x20beaa3',"
        + "'registeredBlock':'0x0','readyBlock':'0x1','callable':" + callable + ",'calls':'0x2','earned':'0x4e20',"
        + "'chunksReceived':'0x2','chunksTotal':'0x2'}";
  }

  static final String UPLOADING_MODEL = "{'address':'" + UPLOADING + "','index':'0x2','author':'" + BOB
      + "','status':'uploading','rejection':null,'description':'','symbolHash':'" + h(0x52)
      + "','symbolSize':'0x30000','paramsHash':'" + h(0x9b) + "','paramsSize':'0x10001','inputShape':['0x2','0x3'],"
      + "'inputElementSize':null,'inputBytes':null,'outputElementSize':null,'outputBytes':null,'fee':'0x0',"
      + "'ops':null,'registeredBlock':'0x1','readyBlock':null,'callable':false,'calls':'0x0','earned':'0x0',"
      + "'chunksReceived':'0x2','chunksTotal':'0x5'}";

  final FakeBackend node = new FakeBackend();
  final RpcDispatcher rpc = new RpcDispatcher(RpcMethods.standard(node));

  static String h(long v) {
    return EthMethodsTest.h(v);
  }

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
  void getModelAtTheSelectedBlock() {
    assertResult("cvm_getModel", "['" + MODEL + "']", readyModel(true));
    assertResult("cvm_getModel", "['" + MODEL + "','latest']", readyModel(true));
    assertResult("cvm_getModel", "['" + MODEL + "','0x0']", readyModel(false)); // ready from block 1
    assertResult("cvm_getModel", "['" + MODEL + "','earliest']", readyModel(false));
    assertResult("cvm_getModel", "['" + UPLOADING + "']", UPLOADING_MODEL);
    assertResult("cvm_getModel", "['" + BOB + "']", "null");
  }

  @Test
  void listModelsPages() {
    assertResult("cvm_listModels", "[]", "{'total':'0x2','offset':'0x0','models':[" + readyModel(true) + ","
        + UPLOADING_MODEL + "]}");
    assertResult("cvm_listModels", "[null,1]", "{'total':'0x2','offset':'0x1','models':[" + UPLOADING_MODEL + "]}");
    assertResult("cvm_listModels", "['0x0','0x0',1]", "{'total':'0x2','offset':'0x0','models':["
        + readyModel(false) + "]}");
    assertResult("cvm_listModels", "['latest',5,100]", "{'total':'0x2','offset':'0x5','models':[]}");
  }

  @Test
  void uploadProgressListsTheMissingChunks() {
    assertResult("cvm_getUploadProgress", "['" + UPLOADING + "']", "{'model':'" + UPLOADING + "','status':'uploading',"
        + "'rejection':null,'chunkSize':'0x10000','chunksReceived':'0x2','chunksTotal':'0x5',"
        + "'symbol':{'hash':'" + h(0x52) + "','size':'0x30000','chunks':'0x3','received':'0x1',"
        + "'missing':['0x0','0x2']},"
        + "'params':{'hash':'" + h(0x9b) + "','size':'0x10001','chunks':'0x2','received':'0x1','missing':['0x1']}}");
    assertResult("cvm_getUploadProgress", "['" + MODEL + "','latest']", "{'model':'" + MODEL + "','status':'ready',"
        + "'rejection':null,'chunkSize':'0x10000','chunksReceived':'0x2','chunksTotal':'0x2',"
        + "'symbol':{'hash':'" + h(0x51) + "','size':'0x4150','chunks':'0x1','received':'0x1','missing':[]},"
        + "'params':{'hash':'" + h(0x9a) + "','size':'0xfef1','chunks':'0x1','received':'0x1','missing':[]}}");
    assertResult("cvm_getUploadProgress", "['" + BOB + "']", "null");
  }

  @Test
  void rewardsPerAuthor() {
    assertResult("cvm_getRewards", "['" + ALICE + "']", "{'author':'" + ALICE + "','earned':'0x4e20','models':"
        + "[{'model':'" + MODEL + "','status':'ready','fee':'0x2710','calls':'0x2','earned':'0x4e20'}]}");
    assertResult("cvm_getRewards", "['" + BOB + "','latest']", "{'author':'" + BOB
        + "','earned':'0x0','models':[]}");
  }

  @Test
  void inferReturnsOutputAndGasOrTheRevert() {
    byte[] input = new byte[784];
    for (int i = 0; i < input.length; i++) {
      input[i] = (byte) i;
    }
    assertResult("cvm_infer", "['" + MODEL + "','" + Hex.encode(input) + "']",
        "{'output':'0x00010203040506070809','gas':'0xd978e'}");
    // the reason names the model as the precompile does (EIP-55 checksum case)
    String reason = "infer: model " + FakeBackend.MODEL + " takes 784 input bytes ([1, 1, 28, 28], int8), got 2";
    assertEquals(q("{'jsonrpc':'2.0','id':1,'error':{'code':3,'message':'execution reverted: " + reason
        + "','data':'" + Hex.encode(FakeBackend.error(reason)) + "'}}"),
        call("cvm_infer", q("['" + MODEL + "','0x0102','latest']")));
  }

  @Test
  void badParamsNameTheArgument() {
    assertError("cvm_getModel", "[]", -32602, "missing value for required argument 0 (address)");
    assertError("cvm_getModel", "['0x1234']", -32602,
        "invalid argument 0 (address): an address must be 20 bytes (40 hex digits), got 2");
    assertError("cvm_getModel", "[7]", -32602, "invalid argument 0 (address): expected a JSON string, got a number");
    assertError("cvm_getModel", "['" + MODEL + "','0x9']", -32000, "header not found");
    assertError("cvm_getModel", "['" + MODEL + "','latest',1]", -32602, "too many arguments, want at most 2");
    assertError("cvm_getUploadProgress", "['" + MODEL + "','newest']", -32602, "invalid argument 1 (block): "
        + "expected a block number (QUANTITY) or one of latest, pending, earliest, safe, finalized; got \\\"newest\\\"");
    assertError("cvm_getRewards", "['0xzz']", -32602, "invalid argument 0 (author): invalid hex string");
    assertError("cvm_listModels", "['latest',0,0]", -32602, "invalid argument 2 (limit): must be 1 to 100, got 0");
    assertError("cvm_listModels", "['latest',0,101]", -32602,
        "invalid argument 2 (limit): must be 1 to 100, got 101");
    assertError("cvm_listModels", "['latest',-1]", -32602,
        "invalid argument 1 (offset): expected a non-negative 63-bit integer, got -1");
    assertError("cvm_infer", "['" + MODEL + "']", -32602, "missing value for required argument 1 (input)");
    assertError("cvm_infer", "['" + MODEL + "','0x123']", -32602,
        "invalid argument 1 (input): hex string of odd length");
    assertError("cvm_infer", "['" + MODEL + "','01']", -32602,
        "invalid argument 1 (input): hex string without 0x prefix");
  }
}
