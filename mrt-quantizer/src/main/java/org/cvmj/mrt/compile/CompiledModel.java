package org.cvmj.mrt.compile;

import org.cvmj.cvm.format.ParamsWriter;
import org.cvmj.cvm.format.SymbolWriter;
import org.cvmj.cvm.model.GraphBuilder;
import org.cvmj.cvm.model.Model;
import org.cvmj.cvm.model.ModelException;
import org.cvmj.mrt.MrtException;

/**
 * The bytes of a CVM model ({@code symbol}, {@code params}) and the model the CVM loader made of exactly
 * those bytes, so that what is evaluated is what is written.
 */
public record CompiledModel(String symbol, byte[] params, Model model) {
  public static CompiledModel of(GraphBuilder.Built files) {
    String symbol = SymbolWriter.write(files.symbol());
    byte[] params = ParamsWriter.write(files.params());
    try {
      return new CompiledModel(symbol, params, Model.load(symbol, params));
    } catch (ModelException e) {
      throw new MrtException("the compiled model fails the CVM loader's checks (a quantizer bug, please report):"
          + " " + e.getMessage(), e);
    }
  }
}
