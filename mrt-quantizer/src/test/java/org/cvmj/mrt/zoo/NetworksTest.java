package org.cvmj.mrt.zoo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.cvmj.mrt.MrtException;
import org.cvmj.mrt.graph.FModel;
import org.cvmj.mrt.graph.FNode;
import org.cvmj.mrt.graph.FTensor;
import org.junit.jupiter.api.Test;

class NetworksTest {
  private static long count(FModel m) {
    return m.params().values().stream().mapToLong(t -> t.data().length).sum();
  }

  @Test
  void dappMatchesCortexLayout() {
    FModel m = Networks.create("dapp", 1);
    assertEquals(List.of("data"), m.inputNames());
    assertArrayEquals(new int[] {16, 1, 3, 3}, m.params().get("conv0_weight").shape().dims());
    assertArrayEquals(new int[] {32, 16, 3, 3}, m.params().get("conv1_weight").shape().dims());
    assertArrayEquals(new int[] {64, 32, 3, 3}, m.params().get("conv2_weight").shape().dims());
    assertArrayEquals(new int[] {128, 64, 1, 1}, m.params().get("conv3_weight").shape().dims());
    // 28 -> 26 -> 25 -> 23 -> 22 -> 20 -> 10 -> 10 -> 5: the classifier reads 128*5*5 features
    assertArrayEquals(new int[] {10, 3200}, m.params().get("dense0_weight").shape().dims());
    assertEquals(160 + 4640 + 18496 + 8320 + 32010, count(m));
    List<String> ops = m.graph().nodes().stream().filter(n -> !n.isVariable()).map(FNode::op).toList();
    assertEquals(List.of("Convolution", "Activation", "Pooling", "Convolution", "Activation", "Pooling",
        "Convolution", "Activation", "Pooling", "Convolution", "Activation", "Pooling", "Flatten",
        "FullyConnected"), ops);
    FNode pool1 = m.graph().node(m.graph().indexOf("pool1").orElseThrow());
    assertEquals("(1, 1)", pool1.attrs().get("stride"));
    assertEquals("max", pool1.attrs().get("pool_type"));
    FNode head = m.graph().node(m.graph().heads().get(0).node());
    assertEquals("dense0", head.name(), "logits are the output, no softmax");
  }

  @Test
  void lenetMlpAndResnetSizes() {
    // LeNet: 6*25+6, 16*6*25+16, 400*120+120, 120*84+84, 84*10+10
    assertEquals(156 + 2416 + 48120 + 10164 + 850, count(Networks.create("lenet", 1)));
    assertEquals(784 * 128 + 128 + 128 * 64 + 64 + 64 * 10 + 10, count(Networks.create("mlp", 1)));
    FModel r = Networks.create("resnet20", 1);
    long convs = r.graph().nodes().stream().filter(n -> n.op().equals("Convolution")).count();
    long bns = r.graph().nodes().stream().filter(n -> n.op().equals("BatchNorm")).count();
    long adds = r.graph().nodes().stream().filter(n -> n.op().equals("elemwise_add")).count();
    assertEquals(19 + 2, convs, "19 3x3 convolutions + 2 projection shortcuts");
    assertEquals(21, bns);
    assertEquals(9, adds);
    assertArrayEquals(new int[] {10, 64}, r.params().get("dense0_weight").shape().dims());
    assertArrayEquals(new float[] {1, 1, 1, 1}, java.util.Arrays.copyOf(r.params().get("batchnorm0_gamma").data(), 4));
    assertEquals(0f, r.params().get("batchnorm5_moving_mean").absMax());
    assertEquals(1f, r.params().get("batchnorm5_moving_var").data()[3]);
    assertEquals("False", r.graph().node(r.graph().indexOf("batchnorm0").orElseThrow()).attrs().get("fix_gamma"));
  }

  @Test
  void initialisationIsSeededAndScaled() {
    FModel a = Networks.create("lenet", 7);
    FModel b = Networks.create("LeNet", 7);
    FModel c = Networks.create("lenet", 8);
    for (Map.Entry<String, FTensor> e : a.params().entrySet()) {
      assertArrayEquals(e.getValue().data(), b.params().get(e.getKey()).data(), e.getKey());
    }
    assertFalse(java.util.Arrays.equals(a.params().get("conv0_weight").data(), c.params().get("conv0_weight").data()));
    // He-uniform for conv0: |w| <= sqrt(6 / 25)
    float max = a.params().get("conv0_weight").absMax();
    assertTrue(max <= Math.sqrt(6.0 / 25) && max > 0.8 * Math.sqrt(6.0 / 25), "max " + max);
    assertEquals(0f, a.params().get("conv0_bias").absMax());
  }

  @Test
  void unknownNetworkNamesTheKnownOnes() {
    MrtException e = assertThrows(MrtException.class, () -> Networks.create("vgg", 1));
    assertTrue(e.getMessage().contains("dapp, lenet, mlp, resnet20"), e.getMessage());
  }
}
