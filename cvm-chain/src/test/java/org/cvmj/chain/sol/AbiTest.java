package org.cvmj.chain.sol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hex;
import org.junit.jupiter.api.Test;

class AbiTest {
  private static String word(String hex) {
    return "0".repeat(64 - hex.length()) + hex;
  }

  @Test
  void selectorsAndTopicsAreKeccakOfTheSignature() {
    assertEquals("0xa9059cbb", Hex.encode(Abi.selector("transfer(address,uint256)")));
    assertEquals("0x095ea7b3", Hex.encode(Abi.selector("approve(address,uint256)")));
    assertArrayEquals(Abi.ERROR_SELECTOR, Abi.selector("Error(string)"));
    assertArrayEquals(Abi.PANIC_SELECTOR, Abi.selector("Panic(uint256)"));
    assertEquals("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef",
        Abi.eventTopic("Transfer(address,address,uint256)").toHex());
    assertThrows(IllegalArgumentException.class, () -> Abi.selector("transfer(address, uint256)"));
    assertThrows(IllegalArgumentException.class, () -> Abi.selector("f(uint256[])"));
    assertThrows(IllegalArgumentException.class, () -> Abi.selector("f(uint7)"));
  }

  @Test
  void staticArgumentsFromTheSolidityDocumentation() {
    // baz(uint32 x, bool y) with (69, true)
    byte[] call = Abi.encodeCall("baz(uint32,bool)", 69, true);
    assertEquals("0xcdcd77c0" + word("45") + word("1"), Hex.encode(call));
  }

  @Test
  void dynamicArgumentsUseOffsetsAndPaddedTails() {
    byte[] enc = Abi.encode(List.of("uint256", "string", "bytes", "int8"), 1, "dave", new byte[] {1, 2, 3}, -1);
    String expected = word("1") + word("80") + word("c0") + "f".repeat(64)
        + word("4") + "64617665" + "0".repeat(56)
        + word("3") + "010203" + "0".repeat(58);
    assertEquals(expected, Hex.encodeBare(enc));
    List<Object> back = Abi.decode(List.of("uint256", "string", "bytes", "int8"), enc);
    assertEquals(BigInteger.ONE, back.get(0));
    assertEquals("dave", back.get(1));
    assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) back.get(2));
    assertEquals(BigInteger.valueOf(-1), back.get(3));
  }

  @Test
  void roundTripsEveryElementaryType() {
    Address a = Address.fromHex("00000000000000000000000000000000deadbeef");
    byte[] b32 = new byte[32];
    b32[0] = 7;
    BigInteger max = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
    List<String> types = List.of("address", "bool", "bytes32", "uint256", "int256", "bytes4", "string", "bytes");
    Object[] values = {a, false, b32, max, BigInteger.TWO.pow(255).negate(), new byte[] {1, 2, 3, 4}, "", new byte[0]};
    List<Object> back = Abi.decode(types, Abi.encode(types, values));
    assertEquals(a, back.get(0));
    assertEquals(false, back.get(1));
    assertArrayEquals(b32, (byte[]) back.get(2));
    assertEquals(max, back.get(3));
    assertEquals(BigInteger.TWO.pow(255).negate(), back.get(4));
    assertArrayEquals(new byte[] {1, 2, 3, 4}, (byte[]) back.get(5));
    assertEquals("", back.get(6));
    assertArrayEquals(new byte[0], (byte[]) back.get(7));
  }

  @Test
  void rejectsOutOfRangeValuesAndMalformedData() {
    assertThrows(IllegalArgumentException.class, () -> Abi.encode(List.of("uint8"), 256));
    assertThrows(IllegalArgumentException.class, () -> Abi.encode(List.of("uint256"), -1));
    assertThrows(IllegalArgumentException.class, () -> Abi.encode(List.of("bytes32"), (Object) new byte[31]));
    assertThrows(IllegalArgumentException.class, () -> Abi.encode(List.of("address"), "0x00"));
    assertThrows(IllegalArgumentException.class, () -> Abi.decode(List.of("bool"), Hex.decode(word("2"))));
    assertThrows(IllegalArgumentException.class, () -> Abi.decode(List.of("address"), Hex.decode("f".repeat(64))));
    assertThrows(IllegalArgumentException.class, () -> Abi.decode(List.of("uint256"), new byte[31]));
    // string at offset 0x20 claiming 100 bytes that are not there
    assertThrows(IllegalArgumentException.class,
        () -> Abi.decode(List.of("string"), Hex.decode(word("20") + word("64"))));
  }

  @Test
  void decodesRevertData() {
    byte[] error = Abi.encodeCall("Error(string)", "nope");
    assertEquals("nope", Abi.revertReason(error).orElseThrow());
    assertTrue(Abi.panicCode(error).isEmpty());
    assertEquals(BigInteger.valueOf(0x11), Abi.panicCode(Abi.encodeCall("Panic(uint256)", 0x11)).orElseThrow());
    assertTrue(Abi.revertReason(new byte[0]).isEmpty());
  }

  @Test
  void artifactsLookUpSignaturesAndFailClearlyWhenMissing() {
    ContractArtifact token = ContractArtifact.load("Token");
    assertEquals("transferFrom(address,address,uint256)", token.functionSignature("transferFrom"));
    assertEquals("Approval(address,address,uint256)", token.eventSignature("Approval"));
    assertTrue(token.abiJson().startsWith("["));
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> ContractArtifact.load("NoSuchContract"));
    assertTrue(missing.getMessage().contains("org/cvmj/chain/solidity/NoSuchContract.abi"), missing.getMessage());
    IllegalArgumentException noFunction = assertThrows(IllegalArgumentException.class,
        () -> token.functionSignature("mint"));
    assertTrue(noFunction.getMessage().contains("no function named 'mint'"), noFunction.getMessage());
  }
}
