package org.cvmj.mrt.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.cvmj.mrt.MrtException;
import org.junit.jupiter.api.Test;

class IniFileTest {
  private static Optional<String> value(IniFile ini, String section, String key) {
    return ini.get(section, key).map(IniFile.Entry::value);
  }

  @Test
  void keysAreCaseInsensitiveAndTrimmed() {
    IniFile ini = IniFile.parse("[CALIBRATION]\n  Calibrate_NUM   =   3  \nDataset: mnist\n", "t.ini");
    assertEquals(Optional.of("3"), value(ini, "CALIBRATION", "calibrate_num"));
    assertEquals(Optional.of("3"), value(ini, "CALIBRATION", "CALIBRATE_NUM"));
    assertEquals(Optional.of("mnist"), value(ini, "CALIBRATION", "dataset"));
    assertEquals("Calibrate_NUM", ini.get("CALIBRATION", "calibrate_num").orElseThrow().key());
    assertEquals(2, ini.get("CALIBRATION", "calibrate_num").orElseThrow().line());
  }

  @Test
  void sectionNamesAreCaseSensitive() {
    IniFile ini = IniFile.parse("[calibration]\nBatch=1\n", "t.ini");
    assertEquals(List.of("calibration"), ini.sections());
    assertFalse(ini.hasSection("CALIBRATION"));
    assertEquals(Optional.empty(), value(ini, "CALIBRATION", "Batch"));
  }

  @Test
  void defaultKeysAreFallbacksEverywhere() {
    IniFile ini = IniFile.parse("[DEFAULT]\nDevice_type=cpu\nBatch=7\n[EVALUATION]\nBatch=100\n[COMPILATION]\n",
        "t.ini");
    assertEquals(Optional.of("100"), value(ini, "EVALUATION", "Batch"));
    assertEquals(Optional.of("7"), value(ini, "COMPILATION", "batch"));
    assertEquals("DEFAULT", ini.get("COMPILATION", "Batch").orElseThrow().section());
    assertEquals(Optional.of("cpu"), value(ini, "EVALUATION", "device_type"));
    assertEquals(Optional.of("cpu"), value(ini, "NO_SUCH_SECTION", "Device_type"));
    assertEquals(List.of("EVALUATION", "COMPILATION"), ini.sections());
  }

  @Test
  void emptyValueInASectionOverridesTheDefault() {
    IniFile ini = IniFile.parse("[DEFAULT]\nDevice_type=cpu\n[QUANTIZATION]\nDevice_type=\n", "t.ini");
    assertEquals(Optional.of(""), value(ini, "QUANTIZATION", "Device_type"));
  }

  @Test
  void commentsAreWholeLinesOnly() {
    IniFile ini = IniFile.parse("# top\n[A]\n; semicolon comment\n  # indented comment\nx = 1 # not a comment\n",
        "t.ini");
    assertEquals(Optional.of("1 # not a comment"), value(ini, "A", "x"));
    assertEquals(1, ini.ownEntries("A").size());
  }

  @Test
  void firstDelimiterSplits() {
    IniFile ini = IniFile.parse("[Q]\nThresholds: conv0: 1.5, dense0=2\nx=a:b\n", "t.ini");
    assertEquals(Optional.of("conv0: 1.5, dense0=2"), value(ini, "Q", "thresholds"));
    assertEquals(Optional.of("a:b"), value(ini, "Q", "x"));
  }

  @Test
  void indentedLinesContinueTheValue() {
    IniFile ini = IniFile.parse("[Q]\nThresholds = a: 1,\n    b: 2,\n\n    # comment inside\n    c: 3\n\nnext=1\n",
        "t.ini");
    assertEquals(Optional.of("a: 1,\nb: 2,\n\nc: 3"), value(ini, "Q", "thresholds"));
    assertEquals(Optional.of("1"), value(ini, "Q", "next"));
  }

  @Test
  void duplicateSectionIsAnErrorWithLines() {
    MrtException e = assertThrows(MrtException.class,
        () -> IniFile.parse("[A]\nx=1\n\n[A]\n", "dup.ini"));
    assertEquals("dup.ini line 4: section [A] appears twice (first on line 1)", e.getMessage());
  }

  @Test
  void duplicateKeyIsAnErrorEvenInAnotherCase() {
    MrtException e = assertThrows(MrtException.class,
        () -> IniFile.parse("[A]\nBatch=1\nbatch=2\n", "dup.ini"));
    assertEquals("dup.ini line 3: key 'batch' is set twice in [A] (first on line 2)", e.getMessage());
  }

  @Test
  void keyBeforeAnySection() {
    MrtException e = assertThrows(MrtException.class, () -> IniFile.parse("x=1\n[A]\n", "t.ini"));
    assertEquals("t.ini line 1: 'x=1' comes before any [SECTION] header", e.getMessage());
  }

  @Test
  void lineWithoutDelimiter() {
    MrtException e = assertThrows(MrtException.class, () -> IniFile.parse("[A]\njust words\n", "t.ini"));
    assertEquals("t.ini line 2: expected 'key = value' or 'key: value', got 'just words'", e.getMessage());
    MrtException empty = assertThrows(MrtException.class, () -> IniFile.parse("[A]\n= 5\n", "t.ini"));
    assertTrue(empty.getMessage().startsWith("t.ini line 2: expected"), empty.getMessage());
  }

  @Test
  void malformedHeader() {
    MrtException e = assertThrows(MrtException.class, () -> IniFile.parse("[A] # note\nx=1\n", "t.ini"));
    assertEquals("t.ini line 1: malformed section header '[A] # note' (expected [NAME] alone on the line)",
        e.getMessage());
  }

  @Test
  void windowsLineEndings() {
    IniFile ini = IniFile.parse("[A]\r\nx = 1\r\ny: 2\r\n", "t.ini");
    assertEquals(Optional.of("1"), value(ini, "A", "x"));
    assertEquals(Optional.of("2"), value(ini, "A", "y"));
  }
}
