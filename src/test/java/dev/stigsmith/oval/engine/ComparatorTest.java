package dev.stigsmith.oval.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComparatorTest {
  @ParameterizedTest(name = "{0}: {2} {1} {3} = {4}")
  @CsvSource(delimiter = '|', value = {
    "string|equals|abc|abc|true", "string|equals|abc|ABC|false", "string|not equal|abc|ABC|true",
    "string|case insensitive equals|abc|ABC|true", "string|case insensitive not equal|abc|ABC|false",
    "string|pattern match|relay.example.mil|\\S|true", "string|pattern match|''|\\S|false",
    "string|pattern match|Domain Validation|^Domain|true", "string|pattern match|xDomain|^Domain|false",
    "string|greater than|b|a|error",
    "boolean|equals|true|true|true", "boolean|equals|1|true|true", "boolean|equals|0|false|true",
    "boolean|equals|false|true|false", "boolean|not equal|false|true|true", "boolean|equals|True|true|error",
    "boolean|less than|0|1|error",
    "int|equals|10|10|true", "int|equals|010|10|true", "int|not equal|10|11|true", "int|greater than|11|10|true",
    "int|less than|11|10|false", "int|greater than or equal|10|10|true", "int|less than or equal|9|10|true",
    "int|bitwise and|31|8|true", "int|bitwise and|23|8|false", "int|bitwise or|8|31|true", "int|bitwise or|32|31|false",
    "int|equals|ten|10|error", "int|pattern match|123|^1|true",
    "float|equals|1.0|1|true", "float|greater than|1.5|1.25|true", "float|less than|INF|1|false",
    "float|equals|x|1|error",
    "version|equals|15.1.2507.6|15.1.2507.6|true", "version|greater than|15.1.2507.10|15.1.2507.6|true",
    "version|less than|15.1|15.1.0.1|true", "version|equals|15.1|15.1.0|true",
    "version|greater than or equal|10.0.14393|10.0.14393|true", "version|less than or equal|2.0|1.9|false",
    "evr_string|equals|0:1.2-3|1.2-3|true", "evr_string|greater than|1:1.0-1|0:2.0-1|true",
    "evr_string|less than|0:1.2-3|0:1.10-1|true", "evr_string|greater than|0:1.0~rc1-1|0:1.0-1|false",
    "ipv4_address|equals|10.0.0.1|10.0.0.1|error",
  })
  void operationByDatatype(String datatype, String op, String actual, String expected, String result) {
    Operation operation = Operation.fromXml(op);
    if (result.equals("error")) {
      assertThatThrownBy(() -> Comparators.compare(datatype, actual, operation, expected))
          .isInstanceOf(ComparisonException.class);
    } else {
      assertThat(Comparators.compare(datatype, actual, operation, expected)).isEqualTo(Boolean.parseBoolean(result));
    }
  }
}
