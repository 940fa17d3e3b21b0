package org.cvmj.mrt.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cvmj.mrt.quant.LayerRow;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.Styler;

/** The report's PNG plots: per-layer thresholds and precisions, and the integer model's confusion matrix. */
final class Charts {
  static {
    // Plots are drawn off screen; a machine without a display must not fail here.
    System.setProperty("java.awt.headless", "true");
  }

  private Charts() {}

  static void layers(List<LayerRow> rows, Path png) throws IOException {
    List<String> names = new ArrayList<>();
    List<Double> log2th = new ArrayList<>();
    List<Integer> precision = new ArrayList<>();
    for (LayerRow r : rows) {
      names.add(r.name());
      log2th.add(r.threshold() > 0 ? Math.log(r.threshold()) / Math.log(2) : 0);
      precision.add(r.precision());
    }
    CategoryChart th = new CategoryChartBuilder().width(1200).height(420)
        .title("Calibrated threshold per layer (log2)").xAxisTitle("layer").yAxisTitle("log2(threshold)").build();
    style(th);
    th.addSeries("log2 threshold", names, log2th);
    CategoryChart pr = new CategoryChartBuilder().width(1200).height(420)
        .title("Integer precision per layer (bits)").xAxisTitle("layer").yAxisTitle("bits").build();
    style(pr);
    pr.getStyler().setSeriesColors(new Color[] {new Color(0xD9, 0x5F, 0x02)});
    pr.addSeries("precision", names, precision);
    BitmapEncoder.saveBitmap(List.of(th, pr), 2, 1, png.toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  private static void style(CategoryChart c) {
    c.getStyler().setLegendVisible(false);
    c.getStyler().setXAxisLabelRotation(60);
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    c.getStyler().setPlotGridVerticalLinesVisible(false);
    c.getStyler().setAvailableSpaceFill(0.7);
  }

  static void confusion(int[][] m, List<String> classes, Path png) throws IOException {
    HeatMapChart c = new HeatMapChartBuilder().width(640).height(560)
        .title("Confusion matrix of the integer model").xAxisTitle("predicted").yAxisTitle("true").build();
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    c.getStyler().setShowValue(true);
    c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    c.getStyler().setRangeColors(new Color[] {new Color(0xF7, 0xFB, 0xFF), new Color(0x6B, 0xAE, 0xD6),
        new Color(0x08, 0x30, 0x6B)});
    List<Number[]> cells = new ArrayList<>();
    for (int t = 0; t < m.length; t++) {
      for (int p = 0; p < m.length; p++) {
        cells.add(new Number[] {p, t, m[t][p]});
      }
    }
    c.addSeries("count", classes, classes, cells);
    BitmapEncoder.saveBitmap(c, png.toString(), BitmapEncoder.BitmapFormat.PNG);
  }
}
