package org.cvmj.mrt.data;

import java.util.List;

/**
 * Images as a reader found them, before normalisation: N×C×H×W pixel values in the file's own scale (0..255
 * for byte images), labels, class names. {@link Datasets} normalises the array in place and wraps it.
 */
record RawImages(float[] pixels, int count, int[] labels, List<String> classNames) {}
