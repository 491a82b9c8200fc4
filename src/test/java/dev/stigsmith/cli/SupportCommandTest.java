package dev.stigsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stigsmith.testing.Cli;
import org.junit.jupiter.api.Test;

class SupportCommandTest {
  @Test
  void listsTheSupportedObjectTypesAndFormats() {
    Cli.Result r = Cli.run("support");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("windows:cmdlet_object").contains("windows:registry_object")
        .contains("independent:family_object").contains("ckl, cklb");
  }
}
