package dev.stigsmith.oval.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stigsmith.hostdata.CmdletOutput;
import dev.stigsmith.hostdata.HostData;
import dev.stigsmith.hostdata.HostFacts;
import dev.stigsmith.hostdata.PsObject;
import dev.stigsmith.hostdata.PsValue;
import dev.stigsmith.oval.OvalSchemas;
import dev.stigsmith.oval.engine.OvalEngine;
import dev.stigsmith.oval.engine.OvalResult;
import dev.stigsmith.oval.engine.OvalResults;
import dev.stigsmith.oval.model.CollectedObject;
import dev.stigsmith.oval.model.Flag;
import dev.stigsmith.oval.model.OvalDefinitions;
import dev.stigsmith.oval.model.OvalDefinitionsReader;
import dev.stigsmith.oval.model.OvalDocumentException;
import dev.stigsmith.oval.model.SystemCharacteristics;
import dev.stigsmith.oval.model.SystemCharacteristicsReader;
import dev.stigsmith.oval.model.SystemCharacteristicsWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeTest {
  static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
  @TempDir Path tmp;

  static final String HEAD = dev.stigsmith.testing.HandOval.DEFINITIONS_HEAD;

  OvalDefinitions defs(String body) throws Exception {
    Path f = tmp.resolve("defs.xml");
    Files.writeString(f, HEAD + body + "</oval_definitions>");
    return OvalDefinitionsReader.read(f);
  }

  static String def(int n, String criteria) {
    return "<definition id=\"oval:t:def:" + n + "\" version=\"1\" class=\"compliance\"><metadata><title>t</title>"
        + "<description>d</description></metadata><criteria>" + criteria + "</criteria></definition>";
  }

  static HostData host(String os, Map<String, Map<String, PsValue>> registry, Map<String, CmdletOutput> cmdlets) {
    HostFacts f = new HostFacts("h", null, List.of("10.1.1.1", "fe80::1"), List.of(), List.of("AA-BB"), os, null,
        null, null, List.of());
    return new HostData("test", f, cmdlets, registry);
  }

  static final String REGISTRY = def(1, "<criterion test_ref=\"oval:t:tst:1\"/>") + def(2,
      "<criterion test_ref=\"oval:t:tst:2\"/>") + "</definitions><tests>"
      + "<win-def:registry_test id=\"oval:t:tst:1\" version=\"1\" check=\"all\" comment=\"c\">"
      + "<win-def:object object_ref=\"oval:t:obj:1\"/><win-def:state state_ref=\"oval:t:ste:1\"/></win-def:registry_test>"
      + "<ind-def:family_test id=\"oval:t:tst:2\" version=\"1\" check=\"all\" comment=\"c\">"
      + "<ind-def:object object_ref=\"oval:t:obj:2\"/></ind-def:family_test></tests><objects>"
      + "<win-def:registry_object id=\"oval:t:obj:1\" version=\"1\"><win-def:hive>HKEY_LOCAL_MACHINE</win-def:hive>"
      + "<win-def:key>SOFTWARE\\Policies\\X</win-def:key><win-def:name>Enabled</win-def:name></win-def:registry_object>"
      + "<ind-def:family_object id=\"oval:t:obj:2\" version=\"1\"/></objects><states>"
      + "<win-def:registry_state id=\"oval:t:ste:1\" version=\"1\"><win-def:value datatype=\"int\">1</win-def:value>"
      + "</win-def:registry_state></states>";

  @Test
  void registryAndFamily() throws Exception {
    OvalDefinitions d = defs("<definitions>" + REGISTRY);
    Map<String, Map<String, PsValue>> reg = Map.of("HKLM\\SOFTWARE\\Policies\\X", Map.of("Enabled", new PsValue.Int(1)));
    SystemCharacteristics sc = Probe.collect(d, host("Microsoft Windows Server 2016", reg, Map.of()), Map.of(), T);
    OvalResults r = OvalEngine.evaluate(d, sc, Map.of());
    assertThat(r.result("oval:t:def:1")).isEqualTo(OvalResult.TRUE);
    assertThat(r.result("oval:t:def:2")).isEqualTo(OvalResult.TRUE);
    Path out = tmp.resolve("sc.xml");
    SystemCharacteristicsWriter.write(sc, out);
    OvalSchemas.validate(out);
    assertThat(SystemCharacteristicsReader.read(out)).isEqualTo(sc);
    assertThat(sc.systemInfo().interfaces()).hasSize(2);
    assertThat(sc.systemInfo().osVersion()).isEqualTo("unknown");
  }

  @Test
  void registryFlags() throws Exception {
    OvalDefinitions d = defs("<definitions>" + REGISTRY);
    assertThat(flag(Probe.collect(d, host("Linux", Map.of(), Map.of()), Map.of(), T), "oval:t:obj:1"))
        .isEqualTo(Flag.NOT_COLLECTED);
    assertThat(flag(Probe.collect(d, host("Linux", Map.of("HKLM\\Other", Map.of()), Map.of()), Map.of(), T),
        "oval:t:obj:1")).isEqualTo(Flag.DOES_NOT_EXIST);
    assertThat(flag(Probe.collect(d, host("Linux", Map.of(), Map.of()), Map.of(), T), "oval:t:obj:2"))
        .isEqualTo(Flag.DOES_NOT_EXIST);
  }

  @Test
  void unsupportedObjectTypeIsNotCollectedAndNeverTrue() throws Exception {
    OvalDefinitions d = defs("<definitions>" + def(1, "<criterion test_ref=\"oval:t:tst:1\"/>") + "</definitions>"
        + "<tests><win-def:user_test id=\"oval:t:tst:1\" version=\"1\" check=\"all\" comment=\"c\">"
        + "<win-def:object object_ref=\"oval:t:obj:1\"/></win-def:user_test></tests><objects>"
        + "<win-def:user_object id=\"oval:t:obj:1\" version=\"1\"><win-def:user>x</win-def:user>"
        + "</win-def:user_object></objects>");
    SystemCharacteristics sc = Probe.collect(d, host("Windows", Map.of(), Map.of()), Map.of(), T);
    assertThat(flag(sc, "oval:t:obj:1")).isEqualTo(Flag.NOT_COLLECTED);
    assertThat(sc.collectedObjects().get(0).messages().get(0).text()).contains("windows:user_object");
    assertThat(OvalEngine.evaluate(d, sc, Map.of()).result("oval:t:def:1")).isEqualTo(OvalResult.UNKNOWN);
    assertThat(SupportedObjects.list()).containsKeys("windows:cmdlet_object", "windows:registry_object",
        "windows:service_object", "windows:fileeffectiverights53_object", "independent:variable_object",
        "independent:family_object");
  }

  static final String CMDLET_OBJ = "<win-def:module_name xsi:nil=\"true\"/><win-def:module_id xsi:nil=\"true\"/>"
      + "<win-def:module_version datatype=\"version\" xsi:nil=\"true\"/><win-def:verb>Get</win-def:verb>"
      + "<win-def:noun>Thing</win-def:noun>";

  @Test
  void setOperatorsParametersAndExternalVariables() throws Exception {
    String objects = "<objects>"
        + "<win-def:cmdlet_object id=\"oval:t:obj:1\" version=\"1\">" + CMDLET_OBJ
        + "<win-def:parameters datatype=\"record\" xsi:nil=\"true\"/><win-def:select datatype=\"record\" xsi:nil=\"true\"/></win-def:cmdlet_object>"
        + "<win-def:cmdlet_object id=\"oval:t:obj:2\" version=\"1\">" + CMDLET_OBJ
        + "<win-def:parameters datatype=\"record\"><field name=\"name\">b</field></win-def:parameters>"
        + "<win-def:select datatype=\"record\" xsi:nil=\"true\"/></win-def:cmdlet_object>"
        + set(3, "UNION", "<filter action=\"include\">oval:t:ste:1</filter>")
        + set(4, "INTERSECTION", "") + set(5, "COMPLEMENT", "")
        + "</objects><states><win-def:cmdlet_state id=\"oval:t:ste:1\" version=\"1\"><win-def:value datatype=\"record\">"
        + "<field name=\"size\" datatype=\"int\" operation=\"greater than\" var_ref=\"oval:t:var:1\"/></win-def:value>"
        + "</win-def:cmdlet_state></states><variables><external_variable id=\"oval:t:var:1\" version=\"1\" "
        + "datatype=\"int\" comment=\"c\"/></variables>";
    StringBuilder tests = new StringBuilder();
    StringBuilder defs = new StringBuilder();
    for (int i = 1; i <= 5; i++) {
      tests.append("<win-def:cmdlet_test id=\"oval:t:tst:").append(i).append("\" version=\"1\" check=\"all\" ")
          .append("comment=\"c\"><win-def:object object_ref=\"oval:t:obj:").append(i).append("\"/></win-def:cmdlet_test>");
      defs.append(def(i, "<criterion test_ref=\"oval:t:tst:" + i + "\"/>"));
    }
    OvalDefinitions d = defs("<definitions>" + defs + "</definitions><tests>" + tests + "</tests>" + objects);
    CmdletOutput out = new CmdletOutput("Get-Thing", List.of(thing("a", 1), thing("b", 5), thing("c", 9)), null);
    SystemCharacteristics sc = Probe.collect(d, host("Windows", Map.of(), Map.of("Get-Thing", out)),
        Map.of("oval:t:var:1", List.of("4")), T);
    assertThat(refs(sc, "oval:t:obj:1")).hasSize(3);
    assertThat(refs(sc, "oval:t:obj:2")).hasSize(1);
    assertThat(refs(sc, "oval:t:obj:3")).hasSize(2); // b and c: size > 4
    assertThat(refs(sc, "oval:t:obj:4")).isEqualTo(refs(sc, "oval:t:obj:3"));
    assertThat(refs(sc, "oval:t:obj:5")).hasSize(1); // a
    // obj:2's item echoes its parameters, so it is an item of its own
    assertThat(sc.items()).hasSize(4);
    Path f = tmp.resolve("sc.xml");
    SystemCharacteristicsWriter.write(sc, f);
    OvalSchemas.validate(f);

    SystemCharacteristics noVar = Probe.collect(d, host("Windows", Map.of(), Map.of("Get-Thing", out)), Map.of(), T);
    assertThat(flag(noVar, "oval:t:obj:3")).isEqualTo(Flag.INCOMPLETE);
  }

  static String set(int id, String op, String filter) {
    String refs = op.equals("UNION") ? "<object_reference>oval:t:obj:1</object_reference>"
        : "<object_reference>oval:t:obj:1</object_reference><object_reference>oval:t:obj:3</object_reference>";
    return "<win-def:cmdlet_object id=\"oval:t:obj:" + id + "\" version=\"1\"><set set_operator=\"" + op + "\">"
        + refs + filter + "</set></win-def:cmdlet_object>";
  }

  static PsObject thing(String name, long size) {
    return new PsObject(Map.of("Name", new PsValue.Text(name), "Size", new PsValue.Int(size)));
  }

  static Flag flag(SystemCharacteristics sc, String id) {
    return sc.collectedObject(id).orElseThrow().flag();
  }

  static List<Long> refs(SystemCharacteristics sc, String id) {
    return sc.collectedObject(id).map(CollectedObject::itemRefs).orElseThrow();
  }

  @Test
  void unreadableDocumentsNameTheFile() throws Exception {
    Path bad = tmp.resolve("bad.xml");
    Files.writeString(bad, "<oval_definitions><unclosed>");
    assertThatThrownBy(() -> OvalDefinitionsReader.read(bad)).isInstanceOf(OvalDocumentException.class)
        .hasMessageStartingWith(bad.toString());
    Path wrong = tmp.resolve("wrong.xml");
    Files.writeString(wrong, "<root/>");
    assertThatThrownBy(() -> SystemCharacteristicsReader.read(wrong)).isInstanceOf(OvalDocumentException.class)
        .hasMessageContaining("wrong.xml").hasMessageContaining("not an OVAL system characteristics");
  }
}
