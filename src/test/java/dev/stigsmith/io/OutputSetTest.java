package dev.stigsmith.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputSetTest {
  @TempDir Path tmp;

  @AfterEach
  void noFault() {
    OutputSet.beforeMove = name -> { };
  }

  static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }

  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aFailureHalfwayLeavesThePreviousSetAndNoPartialFile() throws Exception {
    Path dir = tmp.resolve("EDGE01");
    List<Path> first = OutputSet.in(dir).add("a.xml", b("a1")).add("b.xml", b("b1")).add("c.xml", b("c1")).commit();
    assertThat(first).hasSize(3);
    List<String> before = listing(dir);
    OutputSet.beforeMove = name -> {
      if (name.equals("c.xml")) throw new UncheckedIOException(new IOException("disk full (simulated)"));
    };
    assertThatThrownBy(() -> OutputSet.in(dir).add("a.xml", b("a2")).add("b.xml", b("b2")).add("c.xml", b("c2"))
        .add("d.xml", b("d2")).commit())
        .isInstanceOf(UncheckedIOException.class).hasMessageContaining("nothing was changed");
    assertThat(listing(dir)).isEqualTo(before);
    assertThat(Files.readString(dir.resolve("a.xml"))).isEqualTo("a1");
    assertThat(Files.readString(dir.resolve("b.xml"))).isEqualTo("b1");
    assertThat(Files.readString(dir.resolve("c.xml"))).isEqualTo("c1");
  }

  @Test
  void aFailureInANewFolderLeavesNoFolder() {
    Path dir = tmp.resolve("new/EDGE02");
    OutputSet.beforeMove = name -> {
      if (name.equals("b.xml")) throw new UncheckedIOException(new IOException("simulated"));
    };
    assertThatThrownBy(() -> OutputSet.in(dir).add("a.xml", b("a")).add("b.xml", b("b")).commit())
        .isInstanceOf(UncheckedIOException.class);
    assertThat(dir).doesNotExist();
  }

  @Test
  void aGuardThatSaysNoStopsTheWholeSetUnlessForced() throws Exception {
    Path dir = tmp.resolve("h");
    OutputSet.in(dir).add("a.xml", b("a1")).commit();
    Files.writeString(dir.resolve("h.ckl"), "someone else's");
    OutputSet.Guard no = (existing, replacement, recorded) -> false;
    assertThatThrownBy(() -> OutputSet.in(dir).add("a.xml", b("a2")).add("h.ckl", b("ours"), no).commit())
        .isInstanceOf(OutputSet.Refused.class)
        .hasMessage(dir.resolve("h.ckl") + ": exists and was not written by stigsmith, or was changed since;"
            + " pass it as --previous to keep its answers, or use --force to overwrite it");
    assertThat(Files.readString(dir.resolve("a.xml"))).isEqualTo("a1");
    assertThat(Files.readString(dir.resolve("h.ckl"))).isEqualTo("someone else's");
    OutputSet.in(dir).force(true).add("a.xml", b("a2")).add("h.ckl", b("ours"), no).commit();
    assertThat(Files.readString(dir.resolve("h.ckl"))).isEqualTo("ours");
  }

  @Test
  void theRecordHoldsWhatWasWrittenAndGuardsSeeIt() throws Exception {
    Path dir = tmp.resolve("r");
    OutputSet.in(dir).add("h.ckl", b("v1")).commit();
    String[] seen = new String[1];
    OutputSet.in(dir).add("h.ckl", b("v2"), (e, r, recorded) -> {
      seen[0] = recorded;
      return true;
    }).commit();
    assertThat(seen[0]).isEqualTo(OutputSet.sha256(b("v1")));
    assertThat(Files.readString(dir.resolve(OutputSet.RECORD))).isEqualTo(OutputSet.sha256(b("v2")) + "  h.ckl\n");
  }

  @Test
  void filesGetTheUmaskNotPrivateTempPermissions() throws Exception {
    Path dir = tmp.resolve("p");
    OutputSet.in(dir).add("a.xml", b("a")).commit();
    Path plain = Files.createFile(dir.resolve("plain"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a.xml"))))
        .isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)));
  }

  @Test
  void namesArePlainFileNames() {
    for (String bad : List.of("../x", "a/b", "a\\b", ".hidden", "", OutputSet.RECORD)) {
      assertThatThrownBy(() -> OutputSet.in(tmp).add(bad, b("x"))).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
