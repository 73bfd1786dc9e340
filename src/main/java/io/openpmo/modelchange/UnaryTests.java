package io.openpmo.modelchange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The input entries of a decision table as sets of values, for the proof that rules do not overlap and leave no
 * gap. Reads the FEEL unary tests that decision tables are written in: {@code -}, comparisons ({@code < 25},
 * {@code >= 250000}), intervals ({@code [25..49]}, {@code (0..1]}, {@code ]0..1[}), literals ({@code "LOW"},
 * {@code true}, {@code 3}), lists of those ({@code "HIGH","CRITICAL"}) and their negation ({@code not("NONE")}).
 * An entry outside this grammar (a function call, a variable) cannot be analysed: the caller is told why.
 *
 * <p>Each set is exact. Numbers are real numbers (integers for {@code integer} and {@code long} columns), strings a
 * finite set or everything but a finite set, booleans a subset of {true, false}. {@code null} inputs are not part of
 * the domain: the processes never pass one to an input a table must cover.
 */
final class UnaryTests {

  private UnaryTests() {
  }

  enum Type {
    NUMBER, INTEGER, STRING, BOOLEAN;

    static Type of(String typeRef) {
      String type = typeRef == null ? "" : typeRef.strip().toLowerCase(Locale.ROOT);
      return switch (type) {
        case "integer", "long" -> INTEGER;
        case "number", "double", "float" -> NUMBER;
        case "boolean" -> BOOLEAN;
        case "string" -> STRING;
        default -> null;
      };
    }
  }

  /** An entry that cannot be analysed, and why. */
  static final class NotAnalysable extends Exception {
    NotAnalysable(String message) {
      super(message, null, false, false);
    }
  }

  /** An interval of numbers; null bounds are infinite. */
  record Interval(BigDecimal low, boolean lowClosed, BigDecimal high, boolean highClosed) {
    boolean contains(BigDecimal x) {
      boolean aboveLow = low == null || (lowClosed ? x.compareTo(low) >= 0 : x.compareTo(low) > 0);
      boolean belowHigh = high == null || (highClosed ? x.compareTo(high) <= 0 : x.compareTo(high) < 0);
      return aboveLow && belowHigh;
    }
  }

  /** The values an input entry accepts. */
  record ValueSet(Type type, boolean any, boolean negated, List<Interval> intervals, Set<String> strings,
      Set<Boolean> booleans) {

    static ValueSet everything(Type type) {
      return new ValueSet(type, true, false, List.of(), Set.of(), Set.of());
    }

    boolean contains(Object value) {
      if (any) {
        return true;
      }
      boolean in = switch (type) {
        case NUMBER, INTEGER -> intervals.stream().anyMatch(i -> i.contains((BigDecimal) value));
        case STRING -> strings.contains((String) value);
        case BOOLEAN -> booleans.contains((Boolean) value);
      };
      return negated != in;
    }
  }

  /** One elementary piece of a column's domain: a representative value and how a person reads the piece. */
  record Region(Object representative, String text) {
  }

  private static final Object OTHER_STRING = new Object() {
    @Override
    public String toString() {
      return "any other text";
    }
  };

  /** The set of values an input entry accepts. */
  static ValueSet parse(String entry, Type type) throws NotAnalysable {
    String text = entry == null ? "" : entry.strip();
    if (text.isEmpty() || text.equals("-")) {
      return ValueSet.everything(type);
    }
    boolean negated = false;
    if (text.startsWith("not(") && text.endsWith(")")) {
      negated = true;
      text = text.substring(4, text.length() - 1).strip();
    }
    List<String> parts = split(text);
    List<Interval> intervals = new ArrayList<>();
    Set<String> strings = new LinkedHashSet<>();
    Set<Boolean> booleans = new LinkedHashSet<>();
    for (String part : parts) {
      switch (type) {
        case NUMBER, INTEGER -> intervals.add(interval(part));
        case STRING -> strings.add(string(part));
        case BOOLEAN -> {
          if (part.equals("true") || part.equals("false")) {
            booleans.add(Boolean.valueOf(part));
          } else {
            throw new NotAnalysable("\"" + part + "\" is not true or false");
          }
        }
      }
    }
    return new ValueSet(type, false, negated, intervals, strings, booleans);
  }

  /** The literal values of an allowed-values list ({@code "A","B"}), or null when it is not such a list. */
  static List<String> literalList(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    try {
      List<String> values = new ArrayList<>();
      for (String part : split(text.strip())) {
        values.add(string(part));
      }
      return values;
    } catch (NotAnalysable e) {
      return null;
    }
  }

  private static Interval interval(String part) throws NotAnalysable {
    String p = part.strip();
    if (p.startsWith("<=")) {
      return new Interval(null, false, number(p.substring(2)), true);
    }
    if (p.startsWith(">=")) {
      return new Interval(number(p.substring(2)), true, null, false);
    }
    if (p.startsWith("<")) {
      return new Interval(null, false, number(p.substring(1)), false);
    }
    if (p.startsWith(">")) {
      return new Interval(number(p.substring(1)), false, null, false);
    }
    if (p.startsWith("=")) {
      BigDecimal x = number(p.substring(1));
      return new Interval(x, true, x, true);
    }
    char open = p.charAt(0);
    char close = p.charAt(p.length() - 1);
    if ((open == '[' || open == '(' || open == ']') && (close == ']' || close == ')' || close == '[')
        && p.contains("..")) {
      String inner = p.substring(1, p.length() - 1);
      int dots = inner.indexOf("..");
      BigDecimal low = number(inner.substring(0, dots));
      BigDecimal high = number(inner.substring(dots + 2));
      return new Interval(low, open == '[', high, close == ']');
    }
    BigDecimal x = number(p);
    return new Interval(x, true, x, true);
  }

  private static BigDecimal number(String text) throws NotAnalysable {
    String t = text.strip();
    if (!t.matches("-?\\d+(\\.\\d+)?")) {
      throw new NotAnalysable("\"" + t + "\" is not a number");
    }
    return new BigDecimal(t);
  }

  private static String string(String part) throws NotAnalysable {
    String p = part.strip();
    if (p.length() >= 2 && p.startsWith("\"") && p.endsWith("\"")) {
      String inner = p.substring(1, p.length() - 1);
      if (!inner.contains("\"")) {
        return inner;
      }
    }
    throw new NotAnalysable("\"" + p + "\" is not a text literal");
  }

  /** Splits a list of tests at the commas outside strings and brackets. */
  private static List<String> split(String text) throws NotAnalysable {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean inString = false;
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        inString = !inString;
      } else if (!inString && (c == '[' || c == '(')) {
        depth++;
      } else if (!inString && (c == ']' || c == ')')) {
        depth--;
      }
      if (c == ',' && !inString && depth <= 0) {
        parts.add(current.toString().strip());
        current.setLength(0);
        depth = 0;
      } else {
        current.append(c);
      }
    }
    if (inString) {
      throw new NotAnalysable("a text is not closed");
    }
    parts.add(current.toString().strip());
    for (String part : parts) {
      if (part.isEmpty()) {
        throw new NotAnalysable("an empty test in \"" + text + "\"");
      }
    }
    return parts;
  }

  /**
   * The elementary pieces of a column's domain for the given sets: every set is a union of whole pieces, so a
   * piece is in a set exactly when its representative is. {@code allowed} restricts a text column to its allowed
   * values (the input's allowed-values list); without it, every other text is one more piece.
   */
  static List<Region> regions(Type type, List<ValueSet> sets, List<String> allowed) {
    return switch (type) {
      case BOOLEAN -> List.of(new Region(true, "true"), new Region(false, "false"));
      case STRING -> {
        List<Region> regions = new ArrayList<>();
        Set<String> values = new LinkedHashSet<>();
        if (allowed != null && !allowed.isEmpty()) {
          values.addAll(allowed);
        } else {
          sets.forEach(s -> values.addAll(s.strings()));
        }
        values.forEach(v -> regions.add(new Region(v, "\"" + v + "\"")));
        if (allowed == null || allowed.isEmpty()) {
          regions.add(new Region(OTHER_STRING, OTHER_STRING.toString()));
        }
        yield regions;
      }
      case NUMBER, INTEGER -> numberRegions(type == Type.INTEGER, sets);
    };
  }

  private static List<Region> numberRegions(boolean integers, List<ValueSet> sets) {
    TreeSet<BigDecimal> points = new TreeSet<>();
    for (ValueSet set : sets) {
      for (Interval interval : set.intervals()) {
        if (interval.low() != null) {
          points.add(interval.low());
        }
        if (interval.high() != null) {
          points.add(interval.high());
        }
      }
    }
    List<Region> regions = new ArrayList<>();
    if (points.isEmpty()) {
      regions.add(new Region(BigDecimal.ZERO, "any number"));
      return regions;
    }
    BigDecimal previous = null;
    for (BigDecimal point : points) {
      BigDecimal low = previous;
      Region open = openRegion(low, point, integers);
      if (open != null) {
        regions.add(open);
      }
      if (!integers || point.stripTrailingZeros().scale() <= 0) {
        regions.add(new Region(point, "= " + plain(point)));
      }
      previous = point;
    }
    Region last = openRegion(previous, null, integers);
    if (last != null) {
      regions.add(last);
    }
    return regions;
  }

  /** The open piece between two points (null: infinite), or null when it holds no value of the type. */
  private static Region openRegion(BigDecimal low, BigDecimal high, boolean integers) {
    if (low == null && high == null) {
      return new Region(BigDecimal.ZERO, "any number");
    }
    if (low == null) {
      BigDecimal below = integers ? high.setScale(0, RoundingMode.CEILING).subtract(BigDecimal.ONE)
          : high.subtract(BigDecimal.ONE);
      return new Region(below, "< " + plain(high));
    }
    if (high == null) {
      BigDecimal above = integers ? low.setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE) : low.add(BigDecimal.ONE);
      return new Region(above, "> " + plain(low));
    }
    if (integers) {
      BigDecimal first = low.setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE);
      if (first.compareTo(high) >= 0) {
        return null;
      }
      return new Region(first, "(" + plain(low) + ".." + plain(high) + ")");
    }
    return new Region(low.add(high).divide(BigDecimal.valueOf(2)), "(" + plain(low) + ".." + plain(high) + ")");
  }

  /** Whether a set holds a region's representative; "any other text" is in a negated text set only. */
  static boolean holds(ValueSet set, Region region) {
    if (set.any()) {
      return true;
    }
    if (region.representative() == OTHER_STRING) {
      return set.negated();
    }
    return set.contains(region.representative());
  }

  static String plain(BigDecimal number) {
    return number.stripTrailingZeros().toPlainString();
  }
}
