package org.cvmj.mrt.zoo;

import java.util.List;
import java.util.Locale;
import org.cvmj.mrt.MrtException;
import org.cvmj.mrt.graph.FModel;

/**
 * The network definitions of the model zoo, as MXNet graphs with Gluon-style names ({@code conv0},
 * {@code conv0_weight}, {@code batchnorm0_gamma}, {@code dense0}, ...), NCHW layout, one input variable
 * {@code data} of shape (N, 1, 28, 28), and logits as the only output (no softmax in the graph).
 *
 * <p>Every network comes with seeded initial parameters: weights drawn from He-uniform
 * (U(-sqrt(6/fan_in), sqrt(6/fan_in))) for layers followed by relu and Xavier-uniform
 * (U(-sqrt(6/(fan_in+fan_out)), ...)) for the final classifier, all from one
 * {@link java.util.SplittableRandom} seeded with {@code seed} and consumed in parameter order; biases 0;
 * BatchNorm gamma 1, beta 0, moving_mean 0, moving_var 1. The same seed always gives the same bytes.
 */
public final class Networks {
  /** Names accepted by {@link #create(String, long)}. */
  public static final List<String> NAMES = List.of("dapp", "lenet", "mlp", "resnet20");

  private Networks() {}

  /** The network called {@code name} (case-insensitive), with parameters initialised from {@code seed}. */
  public static FModel create(String name, long seed) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "dapp" -> dapp(seed);
      case "lenet" -> lenet(seed);
      case "mlp" -> mlp(seed);
      case "resnet20" -> resnet20(seed);
      default -> throw new MrtException("unknown network '" + name + "'; known networks: "
          + String.join(", ", NAMES));
    };
  }

  /**
   * Cortex's {@code mnist_dapp} network ({@code tests/mrt/train_mnist.py --net dapp}): Conv(16,3x3,relu) →
   * MaxPool(2,s1) → Conv(32,3x3,relu) → MaxPool(2,s1) → Conv(64,3x3,relu) → MaxPool(2,s2) →
   * Conv(128,1x1,relu) → MaxPool(2,s2) → Flatten → Dense(10). Spatial sizes 28 → 26 → 25 → 23 → 22 → 20
   * → 10 → 10 → 5, so the classifier sees 128×5×5 = 3200 features.
   */
  public static FModel dapp(long seed) {
    NetBuilder n = new NetBuilder(seed);
    n.convRelu(16, 3, 1, 0);
    n.maxPool(2, 1);
    n.convRelu(32, 3, 1, 0);
    n.maxPool(2, 1);
    n.convRelu(64, 3, 1, 0);
    n.maxPool(2, 2);
    n.convRelu(128, 1, 1, 0);
    n.maxPool(2, 2);
    n.flatten();
    n.dense(10, false);
    return n.build();
  }

  /**
   * LeNet-5 as we read the Cortex tutorial's MNIST LeNet (the classic LeCun layout with relu and max
   * pooling; the first convolution padded so that 28×28 digits keep LeNet's 32×32 geometry):
   * Conv(6,5x5,pad 2,relu) → MaxPool(2,s2) → Conv(16,5x5,relu) → MaxPool(2,s2) → Flatten →
   * Dense(120,relu) → Dense(84,relu) → Dense(10).
   */
  public static FModel lenet(long seed) {
    NetBuilder n = new NetBuilder(seed);
    n.convRelu(6, 5, 1, 2);
    n.maxPool(2, 2);
    n.convRelu(16, 5, 1, 0);
    n.maxPool(2, 2);
    n.flatten();
    n.dense(120, true);
    n.dense(84, true);
    n.dense(10, false);
    return n.build();
  }

  /** A multi-layer perceptron: Flatten → Dense(128,relu) → Dense(64,relu) → Dense(10). */
  public static FModel mlp(long seed) {
    NetBuilder n = new NetBuilder(seed);
    n.flatten();
    n.dense(128, true);
    n.dense(64, true);
    n.dense(10, false);
    return n.build();
  }

  /**
   * A ResNet-20 (v1, He et al. 2016 §4.2) for 1×28×28 inputs: conv3x3(16)+BN+relu; three stages of three
   * basic blocks (conv3x3+BN+relu, conv3x3+BN, residual {@code elemwise_add}, relu) with 16, 32 and 64
   * channels; the first block of stages 2 and 3 has stride 2 and a conv1x1+BN projection shortcut; global
   * average pooling; Dense(10). Spatial sizes 28 → 14 → 7. Convolutions before BatchNorm have no bias.
   */
  public static FModel resnet20(long seed) {
    NetBuilder n = new NetBuilder(seed);
    n.conv(16, 3, 1, 1, false);
    n.batchNorm();
    n.relu();
    int[] channels = {16, 32, 64};
    for (int stage = 0; stage < 3; stage++) {
      for (int block = 0; block < 3; block++) {
        int stride = stage > 0 && block == 0 ? 2 : 1;
        n.basicBlock(channels[stage], stride);
      }
    }
    n.globalAvgPool();
    n.flatten();
    n.dense(10, false);
    return n.build();
  }
}
