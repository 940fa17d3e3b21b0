package org.cvmj.mrt.mxnet;

/** IEEE 754 half precision (binary16) to float: exact, since every half value is a float value. */
final class Half {
  private Half() {}

  static float toFloat(short h) {
    int bits = h & 0xFFFF;
    int sign = (bits >>> 15) << 31;
    int exp = (bits >>> 10) & 0x1F;
    int mant = bits & 0x3FF;
    if (exp == 0) {
      float v = Math.scalb((float) mant, -24); // zero or subnormal: mant * 2^-24
      return sign == 0 ? v : -v;
    }
    if (exp == 0x1F) {
      return Float.intBitsToFloat(sign | 0x7F800000 | (mant << 13)); // infinity or NaN, payload kept
    }
    return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
  }
}
