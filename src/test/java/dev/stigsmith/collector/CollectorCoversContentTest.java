package dev.stigsmith.collector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stigsmith.model.Rule;
import dev.stigsmith.testing.Content;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The collector collects what the content reads, and nothing else without a stated reason. The
 * needs are taken from the OVAL generated from content/ at test time, so a newly automated rule on a
 * cmdlet the script does not run fails here until the cmdlet is added to the script's list.
 */
class CollectorCoversContentTest {
  /**
   * Cmdlets the script runs although no generated OVAL reads them yet, and why. An extra whose
   * reason starts with "manual check" must be named in some rule's check text.
   */
  static final Map<String, String> EXTRA_CMDLETS = Map.of(
      "Get-ExchangeServer", "host facts: Exchange version, edition and roles (host.exchange in the output)",
      "Get-ReceiveConnector", "manual check of the Receive connector rules (EX16-ED-000010 and others), being automated");

  /** Registry keys the script reads beyond the content's registry_objects, and why (none today). */
  static final Map<String, String> EXTRA_REGISTRY_KEYS = Map.of();

  static ContentNeeds needs;
  static CollectorScript script;

  @BeforeAll
  static void load() throws Exception {
    needs = ContentNeeds.of(Content.root());
    script = CollectorScript.load();
  }

  @Test
  void contentReadsCmdletsAndRegistryKeys() {
    // Guards the extraction itself: the Edge content reads Send connectors and the platform's Setup key.
    assertThat(needs.cmdlets()).contains("Get-SendConnector");
    assertThat(needs.registryKeys()).contains("HKLM\\SOFTWARE\\Microsoft\\ExchangeServer\\v15\\Setup");
  }

  @Test
  void scriptRunsEveryCmdletTheContentReads() {
    assertThat(script.cmdlets().keySet())
        .as("cmdlets the generated OVAL reads (cmdlet_object verb-noun) must be in the script's $Cmdlets list")
        .containsAll(needs.cmdlets());
  }

  @Test
  void scriptRunsNoOtherCmdletWithoutAReason() {
    Set<String> extra = new TreeSet<>(script.cmdlets().keySet());
    extra.removeAll(needs.cmdlets());
    assertThat(EXTRA_CMDLETS.keySet()).as("cmdlets the script runs that the content does not read").containsAll(extra);
    assertThat(script.cmdlets().keySet()).as("EXTRA_CMDLETS names only cmdlets of the script")
        .containsAll(EXTRA_CMDLETS.keySet());
  }

  @Test
  void extrasForManualChecksAreNamedByARule() {
    List<String> allCheckTexts = allRules().stream().map(CollectorCoversContentTest::checkText).toList();
    assertThat(allCheckTexts).isNotEmpty();
    EXTRA_CMDLETS.forEach((cmdlet, reason) -> {
      if (!reason.startsWith("manual check")) return;
      assertThat(allCheckTexts).as(cmdlet + ": " + reason).anySatisfy(t -> assertThat(t).containsIgnoringCase(cmdlet));
    });
  }

  @Test
  void scriptReadsExactlyTheRegistryKeysTheContentReads() {
    Set<String> expected = new TreeSet<>(needs.registryKeys());
    expected.addAll(EXTRA_REGISTRY_KEYS.keySet());
    assertThat(new TreeSet<>(script.registryKeys()))
        .as("registry keys of the script's $RegistryKeys list vs the content's registry_objects (platform check included)")
        .isEqualTo(expected);
  }

  @Test
  void scriptReadsExactlyTheFoldersTheContentReads() {
    assertThat(needs.folders()).as("guards the extraction: the audit log folder ACL rules").isNotEmpty();
    assertThat(new TreeSet<>(script.folders()))
        .as("folders of the script's $FolderRights list vs the content's fileeffectiverights53_objects")
        .isEqualTo(needs.folders());
    for (String f : script.folders()) {
      assertThat(script.registryKeys()).as("the registry key naming folder " + f + " is read").contains(f.substring(0, f.indexOf('|')));
    }
  }

  @Test
  void scriptReadsExactlyTheXmlFilesTheContentReads() {
    assertThat(new TreeSet<>(script.xmlFiles()))
        .as("files of the script's $XmlFiles list vs the content's xmlfilecontent_objects")
        .isEqualTo(needs.xmlFiles());
    for (String f : script.xmlFiles()) {
      assertThat(script.registryKeys()).as("the registry key naming file " + f + " is read").contains(f.substring(0, f.indexOf('|')));
    }
  }

  @Test
  void scriptCollectsServicesWhenTheContentReadsThem() {
    if (needs.services()) {
      assertThat(script.text()).contains("$document.services = $services").contains("Get-CimInstance -ClassName Win32_Service");
    }
  }

  @Test
  void everyListedCmdletIsAGetCmdlet() {
    assertThat(script.cmdlets().keySet()).isNotEmpty().allSatisfy(c -> assertThat(c).startsWith("Get-"));
  }

  private static List<Rule> allRules() {
    try {
      return dev.stigsmith.generate.Generator.render(Content.root(), "0.1.0", null).stream()
          .flatMap(o -> o.benchmark().currentRules().stream()).toList();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String checkText(Rule r) {
    return r.check() == null || r.check().text() == null ? "" : r.check().text();
  }
}
