package org.cvmj.mrt.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.util.Utils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.cvmj.mrt.MrtException;

/**
 * The one place that starts DJL's MXNet engine, and always offline.
 *
 * <p>Before any DJL class initialises, {@link #mxnet()} sets the system properties {@code ai.djl.offline=true}
 * and {@code OPT_OUT_TRACKING=true}: DJL reads the first through {@code Utils.isOfflineMode()} (environment
 * {@code DJL_OFFLINE} first, then the property) and the second through {@code Utils.getEnvOrSystemProperty}
 * (environment first, then the property), so with both set engine start-up never calls home and any URL
 * fetch fails instead of reaching the network. The native library comes from the {@code mxnet-native-mkl}
 * jar on the classpath and is extracted once into DJL's cache directory; when neither {@code DJL_CACHE_DIR}
 * nor {@code ENGINE_CACHE_DIR} is set, that is {@code ~/.cache/cvmj/djl}. {@code MXNET_VERSION} must not be
 * set: it makes DJL download a library instead of using the jar.
 */
public final class DjlEngine {
  /** DJL's name for the engine. */
  public static final String ENGINE_NAME = "MXNet";

  private static Engine engine;

  private DjlEngine() {}

  /** The MXNet engine, started offline on the first call. */
  public static synchronized Engine mxnet() {
    if (engine != null) {
      return engine;
    }
    configureOffline();
    try {
      engine = Engine.getEngine(ENGINE_NAME);
    } catch (RuntimeException | LinkageError e) {
      throw new MrtException(startFailure(e), e);
    }
    return engine;
  }

  /** A new NDManager on the CPU of the MXNet engine; the caller closes it. */
  public static NDManager newManager() {
    return mxnet().newBaseManager();
  }

  /** Whether DJL considers itself offline (it must, once {@link #mxnet()} has run). */
  public static boolean isOffline() {
    return Utils.isOfflineMode();
  }

  /** The directory DJL extracts the native library into. */
  public static Path cacheDir() {
    return Utils.getEngineCacheDir();
  }

  /** Sets the properties DJL reads; safe to call more than once. Fails when the environment contradicts them. */
  static void configureOffline() {
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("OPT_OUT_TRACKING", "true");
    if (blank(System.getenv("DJL_CACHE_DIR")) && blank(System.getProperty("DJL_CACHE_DIR"))
        && blank(System.getenv("ENGINE_CACHE_DIR")) && blank(System.getProperty("ENGINE_CACHE_DIR"))) {
      System.setProperty("DJL_CACHE_DIR",
          Paths.get(System.getProperty("user.home"), ".cache", "cvmj", "djl").toString());
    }
    String offlineEnv = System.getenv("DJL_OFFLINE");
    if (offlineEnv != null && !Boolean.parseBoolean(offlineEnv)) {
      throw new MrtException("environment variable DJL_OFFLINE=" + offlineEnv
          + " would let DJL reach the network; unset it or set it to true");
    }
    String tracking = System.getenv("OPT_OUT_TRACKING");
    if (tracking != null && !Boolean.parseBoolean(tracking)) {
      throw new MrtException("environment variable OPT_OUT_TRACKING=" + tracking
          + " would turn DJL's telemetry on; unset it or set it to true");
    }
    if (!blank(System.getenv("MXNET_VERSION")) || !blank(System.getProperty("MXNET_VERSION"))) {
      throw new MrtException("MXNET_VERSION is set, which makes DJL download an MXNet library instead of"
          + " using the bundled one; unset it");
    }
  }

  private static String startFailure(Throwable e) {
    StringBuilder causes = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      causes.append(causes.length() == 0 ? "" : " <- ").append(t.getClass().getSimpleName());
      if (t.getMessage() != null) {
        causes.append(": ").append(t.getMessage());
      }
      if (t.getCause() == t) {
        break;
      }
    }
    String os = System.getProperty("os.name") + "/" + System.getProperty("os.arch");
    Path cache = Utils.getEngineCacheDir();
    String where = Files.isDirectory(cache) && !Files.isWritable(cache)
        ? " The cache directory " + cache + " is not writable; set DJL_CACHE_DIR to one that is."
        : " Natives are extracted into " + cache + " (set DJL_CACHE_DIR to change it).";
    return "cannot start DJL's MXNet engine offline (" + causes + "). It needs the jar"
        + " ai.djl.mxnet:mxnet-native-mkl:1.9.1:linux-x86_64 on the classpath (this host is " + os
        + "), or MXNET_LIBRARY_PATH pointing at a directory holding libmxnet.so; nothing is downloaded."
        + where;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
