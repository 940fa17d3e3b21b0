package org.cvmj.mrt.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cvmj.mrt.MrtException;

/**
 * An INI file read with the semantics of Python's {@code configparser} defaults, which MRT uses:
 * <ul>
 *   <li>{@code [NAME]} starts a section; names are case-sensitive; {@code [DEFAULT]} holds fallbacks that every
 *       other section sees for keys it does not set itself;
 *   <li>{@code key = value} or {@code key: value}, split at the first {@code =} or {@code :}; keys are
 *       case-insensitive, keys and values are trimmed;
 *   <li>lines whose first non-blank character is {@code #} or {@code ;} are comments (only whole lines: in
 *       {@code Batch=16 # x} the value is {@code 16 # x});
 *   <li>a line indented deeper than its key continues that key's value (joined with a newline; blank lines
 *       between continuation lines are kept, trailing ones dropped);
 *   <li>a section or a key given twice in one section is an error (configparser's {@code strict=True});
 *   <li>values are literal: no {@code %(name)s} interpolation.
 * </ul>
 * Sections and keys keep file order, so anything derived from them is deterministic.
 */
public final class IniFile {
  /** The fallback section's name. */
  public static final String DEFAULT = "DEFAULT";

  private static final Pattern HEADER = Pattern.compile("\\[(.+)]");

  /** One key's value, with the section that set it and the line where its key stands (1-based). */
  public record Entry(String section, String key, String value, int line) {}

  private final String fileName;
  private final Map<String, Map<String, Entry>> sections;

  private IniFile(String fileName, Map<String, Map<String, Entry>> sections) {
    this.fileName = fileName;
    this.sections = sections;
  }

  public static IniFile read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new MrtException(file + ": no such config file");
    } catch (IOException e) {
      throw new MrtException(file + ": cannot read: " + e.getMessage(), e);
    }
    return parse(text, file.getFileName().toString());
  }

  /** Parses INI text; {@code fileName} prefixes every error message. */
  public static IniFile parse(String text, String fileName) {
    return new Parser(fileName).parse(text);
  }

  /** The name used in messages. */
  public String fileName() {
    return fileName;
  }

  /** Section names other than DEFAULT, in file order. */
  public List<String> sections() {
    List<String> names = new ArrayList<>(sections.keySet());
    names.remove(DEFAULT);
    return names;
  }

  public boolean hasSection(String name) {
    return sections.containsKey(name) && !name.equals(DEFAULT);
  }

  /** The keys a section sets itself (not its DEFAULT fallbacks), in file order; empty for a missing section. */
  public List<Entry> ownEntries(String section) {
    return List.copyOf(sections.getOrDefault(section, Map.of()).values());
  }

  /** A key's entry in {@code section}, else in DEFAULT; the section need not exist. */
  public Optional<Entry> get(String section, String key) {
    String k = key.toLowerCase(Locale.ROOT);
    Entry own = sections.getOrDefault(section, Map.of()).get(k);
    return own != null ? Optional.of(own) : Optional.ofNullable(sections.get(DEFAULT).get(k));
  }

  private static final class Parser {
    private final String fileName;
    private final Map<String, Map<String, Entry>> sections = new LinkedHashMap<>();
    private final Map<String, Integer> sectionLines = new LinkedHashMap<>();
    private String section;
    private Entry current;
    private StringBuilder value;
    private int currentIndent;
    private int pendingBlankLines;

    Parser(String fileName) {
      this.fileName = fileName;
      sections.put(DEFAULT, new LinkedHashMap<>());
    }

    IniFile parse(String text) {
      String[] lines = text.split("\r\n|\r|\n", -1);
      for (int i = 0; i < lines.length; i++) {
        line(lines[i], i + 1);
      }
      finishValue();
      Map<String, Map<String, Entry>> frozen = new LinkedHashMap<>();
      sections.forEach((name, entries) -> frozen.put(name, Collections.unmodifiableMap(entries)));
      return new IniFile(fileName, Collections.unmodifiableMap(frozen));
    }

    private void line(String raw, int lineNo) {
      String stripped = raw.strip();
      if (stripped.isEmpty()) {
        if (current != null) {
          pendingBlankLines++;
        }
        return;
      }
      if (stripped.startsWith("#") || stripped.startsWith(";")) {
        return;
      }
      int indent = raw.length() - raw.stripLeading().length();
      if (current != null && indent > currentIndent) {
        value.append("\n".repeat(pendingBlankLines + 1)).append(stripped);
        pendingBlankLines = 0;
        return;
      }
      finishValue();
      Matcher header = HEADER.matcher(stripped);
      if (header.matches()) {
        startSection(header.group(1).strip(), lineNo);
        return;
      }
      if (stripped.startsWith("[")) {
        throw error(lineNo, "malformed section header '" + stripped + "' (expected [NAME] alone on the line)");
      }
      if (section == null) {
        throw error(lineNo, "'" + stripped + "' comes before any [SECTION] header");
      }
      int split = firstDelimiter(stripped);
      if (split <= 0) {
        throw error(lineNo, "expected 'key = value' or 'key: value', got '" + stripped + "'");
      }
      String key = stripped.substring(0, split).strip();
      String lower = key.toLowerCase(Locale.ROOT);
      Entry previous = sections.get(section).get(lower);
      if (previous != null) {
        throw error(lineNo, "key '" + key + "' is set twice in [" + section + "] (first on line " + previous.line()
            + ")");
      }
      current = new Entry(section, key, "", lineNo);
      value = new StringBuilder(stripped.substring(split + 1).strip());
      currentIndent = indent;
      pendingBlankLines = 0;
    }

    private void startSection(String name, int lineNo) {
      Integer first = sectionLines.get(name);
      if (first != null) {
        throw error(lineNo, "section [" + name + "] appears twice (first on line " + first + ")");
      }
      sectionLines.put(name, lineNo);
      sections.putIfAbsent(name, new LinkedHashMap<>());
      section = name;
    }

    private void finishValue() {
      if (current != null) {
        Entry done = new Entry(current.section(), current.key(), value.toString(), current.line());
        sections.get(current.section()).put(current.key().toLowerCase(Locale.ROOT), done);
      }
      current = null;
      value = null;
      pendingBlankLines = 0;
    }

    private static int firstDelimiter(String s) {
      int eq = s.indexOf('=');
      int colon = s.indexOf(':');
      if (eq < 0) {
        return colon;
      }
      return colon < 0 ? eq : Math.min(eq, colon);
    }

    private MrtException error(int lineNo, String detail) {
      return new MrtException(fileName + " line " + lineNo + ": " + detail);
    }
  }
}
