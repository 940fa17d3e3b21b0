package org.cvmj.mrt.data;

/** The element types of the IDX format, by the type code in the third byte of the magic number. */
public enum IdxType {
  U8(0x08, 1, "unsigned byte"),
  I8(0x09, 1, "signed byte"),
  I16(0x0B, 2, "int16"),
  I32(0x0C, 4, "int32"),
  F32(0x0D, 4, "float32"),
  F64(0x0E, 8, "float64");

  private final int code;
  private final int width;
  private final String description;

  IdxType(int code, int width, String description) {
    this.code = code;
    this.width = width;
    this.description = description;
  }

  public int code() {
    return code;
  }

  /** Bytes per element. */
  public int width() {
    return width;
  }

  public boolean isFloat() {
    return this == F32 || this == F64;
  }

  /** The type with this code, or null. */
  static IdxType ofCode(int code) {
    for (IdxType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    return null;
  }

  /** "0x08 unsigned byte, 0x09 signed byte, ...", for error messages. */
  static String known() {
    StringBuilder sb = new StringBuilder();
    for (IdxType t : values()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(String.format("0x%02X %s", t.code, t.description));
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return description;
  }
}
