package dev.stigsmith.oval.engine;

import static dev.stigsmith.oval.engine.OvalResult.ERROR;
import static dev.stigsmith.oval.engine.OvalResult.FALSE;
import static dev.stigsmith.oval.engine.OvalResult.NOT_APPLICABLE;
import static dev.stigsmith.oval.engine.OvalResult.NOT_EVALUATED;
import static dev.stigsmith.oval.engine.OvalResult.TRUE;
import static dev.stigsmith.oval.engine.OvalResult.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OperatorTruthTableTest {
  static List<OvalResult> parse(String s) {
    return s.isBlank() ? List.of() : Arrays.stream(s.trim().split("\\s+")).map(OperatorTruthTableTest::r).toList();
  }

  static OvalResult r(String s) {
    return switch (s) {
      case "T" -> TRUE;
      case "F" -> FALSE;
      case "E" -> ERROR;
      case "U" -> UNKNOWN;
      case "NE" -> NOT_EVALUATED;
      case "NA" -> NOT_APPLICABLE;
      default -> throw new IllegalArgumentException(s);
    };
  }

  @ParameterizedTest(name = "{0}({1}) = {2}")
  @CsvSource({
    "AND, T T, T", "AND, T F, F", "AND, F E, F", "AND, T E, E", "AND, T U, U", "AND, E U, E", "AND, T NE, NE",
    "AND, U NE, U", "AND, T NA, T", "AND, NA NA, NA", "AND, '', NA",
    "OR, F F, F", "OR, T F, T", "OR, T E, T", "OR, F E, E", "OR, F U, U", "OR, F NE, NE", "OR, F NA, F",
    "OR, E U NE, E",
    "ONE, T F F, T", "ONE, T T F, F", "ONE, F F, F", "ONE, T E, E", "ONE, T T E, F", "ONE, F U, U",
    "ONE, T NA, T", "ONE, F NE, NE",
    "XOR, T F, T", "XOR, T T, F", "XOR, T T T, T", "XOR, F F, F", "XOR, T E, E", "XOR, T U, U", "XOR, NA T, T",
  })
  void operatorTable(Operator op, String inputs, String expected) {
    assertThat(op.combine(parse(inputs))).isEqualTo(r(expected));
  }

  @ParameterizedTest(name = "check {0}({1}) = {2}")
  @CsvSource({
    "ALL, T T, T", "ALL, T F, F", "ALL, T E, E",
    "AT_LEAST_ONE, F T, T", "AT_LEAST_ONE, F F, F", "AT_LEAST_ONE, F U, U",
    "NONE_SATISFY, F F, T", "NONE_SATISFY, F T, F", "NONE_SATISFY, F E, E",
    "ONLY_ONE, T F, T", "ONLY_ONE, T T, F", "ONLY_ONE, F F, F",
  })
  void checkTable(Check check, String inputs, String expected) {
    assertThat(check.combine(parse(inputs))).isEqualTo(r(expected));
  }

  /** Every list of results of length 0..size. */
  static List<List<OvalResult>> allCombinations(int size) {
    List<List<OvalResult>> out = new ArrayList<>();
    List<List<OvalResult>> level = List.of(List.of());
    out.addAll(level);
    for (int i = 0; i < size; i++) {
      List<List<OvalResult>> next = new ArrayList<>();
      for (List<OvalResult> prefix : level) {
        for (OvalResult r : OvalResult.values()) {
          List<OvalResult> l = new ArrayList<>(prefix);
          l.add(r);
          next.add(l);
        }
      }
      out.addAll(next);
      level = next;
    }
    return out;
  }

  /** Properties every operator must keep, over every input of up to three results. */
  @Test
  void operatorProperties() {
    for (List<OvalResult> in : allCombinations(3)) {
      List<OvalResult> withNa = new ArrayList<>(in);
      withNa.add(NOT_APPLICABLE);
      for (Operator op : Operator.values()) {
        OvalResult r = op.combine(in);
        boolean allNa = in.stream().allMatch(x -> x == NOT_APPLICABLE);
        assertThat(op.combine(withNa)).as("%s ignores NA in %s", op, in).isEqualTo(allNa ? NOT_APPLICABLE : r);
        if (in.stream().allMatch(x -> x == TRUE || x == FALSE) && !in.isEmpty()) {
          long t = in.stream().filter(x -> x == TRUE).count();
          boolean expected = switch (op) {
            case AND -> t == in.size();
            case OR -> t > 0;
            case ONE -> t == 1;
            case XOR -> t % 2 == 1;
          };
          assertThat(r).as("%s%s", op, in).isEqualTo(OvalResult.of(expected));
        }
      }
      assertThat(Operator.AND.combine(in).negate(true).negate(true)).isEqualTo(Operator.AND.combine(in));
      if (in.contains(FALSE)) assertThat(Operator.AND.combine(in)).isEqualTo(FALSE);
      if (in.contains(TRUE)) assertThat(Operator.OR.combine(in)).isEqualTo(TRUE);
    }
  }

  @Test
  void negateSwapsOnlyTrueAndFalse() {
    assertThat(TRUE.negate(true)).isEqualTo(FALSE);
    assertThat(FALSE.negate(true)).isEqualTo(TRUE);
    for (OvalResult r : List.of(ERROR, UNKNOWN, NOT_EVALUATED, NOT_APPLICABLE)) {
      assertThat(r.negate(true)).isEqualTo(r);
    }
  }

  @ParameterizedTest(name = "{0} with exists={1} dne={2} error={3} nc={4} -> {5}")
  @CsvSource({
    "all_exist, 2, 0, 0, 0, T", "all_exist, 1, 1, 0, 0, F", "all_exist, 1, 0, 1, 0, E", "all_exist, 1, 0, 0, 1, U",
    "all_exist, 0, 0, 0, 0, F",
    "any_exist, 0, 0, 0, 0, T", "any_exist, 1, 0, 1, 0, T", "any_exist, 0, 0, 1, 0, E", "any_exist, 0, 1, 0, 1, T",
    "at_least_one_exists, 1, 3, 1, 1, T", "at_least_one_exists, 0, 1, 1, 0, E",
    "at_least_one_exists, 0, 1, 0, 1, U", "at_least_one_exists, 0, 1, 0, 0, F",
    "none_exist, 0, 0, 0, 0, T", "none_exist, 0, 2, 0, 0, T", "none_exist, 1, 0, 0, 0, F",
    "none_exist, 0, 0, 1, 0, E", "none_exist, 0, 0, 0, 1, U",
    "only_one_exists, 1, 0, 0, 0, T", "only_one_exists, 2, 0, 0, 0, F", "only_one_exists, 0, 0, 0, 0, F",
    "only_one_exists, 1, 0, 1, 0, E", "only_one_exists, 1, 0, 0, 1, U", "only_one_exists, 2, 0, 1, 0, F",
  })
  void existenceTable(String check, int exists, int dne, int error, int nc, String expected) {
    assertThat(ExistenceCheck.fromXml(check).evaluate(exists, dne, error, nc)).isEqualTo(r(expected));
  }
}
