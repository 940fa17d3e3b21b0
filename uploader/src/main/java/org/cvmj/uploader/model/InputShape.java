package org.cvmj.uploader.model;

import java.util.ArrayList;
import java.util.List;
import org.cvmj.uploader.InvalidInputException;

/** A model input shape as the registry stores it: 1 to 6 positive dimensions. */
public record InputShape(List<Long> dims) {
  public InputShape {
    dims = List.copyOf(dims);
  }

  /** Parses {@code "1,28,28"} (commas, optional spaces; {@code x} also separates, as in {@code 1x28x28}). */
  public static InputShape parse(String text) throws InvalidInputException {
    String t = text.strip();
    if (t.isEmpty()) {
      throw new InvalidInputException("--shape is empty; give the dimensions, e.g. 1,28,28");
    }
    List<Long> dims = new ArrayList<>();
    for (String part : t.split("[,x]")) {
      String p = part.strip();
      long d;
      try {
        d = Long.parseLong(p);
      } catch (NumberFormatException e) {
        throw new InvalidInputException("--shape " + text + ": '" + p + "' is not a whole number");
      }
      if (d <= 0) {
        throw new InvalidInputException("--shape " + text + ": dimension " + d + " must be positive");
      }
      dims.add(d);
    }
    return new InputShape(dims);
  }

  public static InputShape of(int... dims) {
    List<Long> list = new ArrayList<>();
    for (int d : dims) {
      list.add((long) d);
    }
    return new InputShape(list);
  }

  /** This shape with its first dimension removed, or empty for rank 1. */
  InputShape withoutFirst() {
    return new InputShape(dims.subList(Math.min(1, dims.size()), dims.size()));
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (long d : dims) {
      b.append(b.length() == 0 ? "" : ",").append(d);
    }
    return b.toString();
  }
}
