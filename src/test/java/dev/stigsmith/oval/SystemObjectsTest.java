package dev.stigsmith.oval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stigsmith.hostdata.HostData;
import dev.stigsmith.hostdata.HostFacts;
import dev.stigsmith.hostdata.PsValue;
import dev.stigsmith.oval.engine.OvalEngine;
import dev.stigsmith.oval.model.OvalDefinitions;
import dev.stigsmith.oval.model.OvalDefinitionsReader;
import dev.stigsmith.oval.model.SystemCharacteristics;
import dev.stigsmith.oval.model.SystemCharacteristicsWriter;
import dev.stigsmith.oval.probe.Probe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The object types beyond cmdlets (service_object, fileeffectiverights53_object, variable_object with
 * concat/substring/regex_capture variables, registry_object precedence), each case through the
 * probe: the system characteristics validate against the official schema, and our verdict equals
 * the expected one and oscap's (which has no Windows probes on Linux but analyses our SC offline).
 */
class SystemObjectsTest {
  static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
  @TempDir Path tmp;

  static final String HEAD = dev.stigsmith.testing.HandOval.DEFINITIONS_HEAD + "<definitions><definition id=\"oval:t:def:1\" version=\"1\" class=\"compliance\"><metadata>"
      + "<title>t</title><description>d</description></metadata><criteria>";

  /** Service MSExchangePOP3 disabled where installed; IMAP4 must not be installed at all. */
  static final String SERVICES = HEAD
      + "<criterion test_ref=\"oval:t:tst:1\"/><criterion test_ref=\"oval:t:tst:2\"/></criteria></definition></definitions><tests>"
      + "<win-def:service_test id=\"oval:t:tst:1\" version=\"1\" check_existence=\"any_exist\" check=\"all\" comment=\"c\">"
      + "<win-def:object object_ref=\"oval:t:obj:1\"/><win-def:state state_ref=\"oval:t:ste:1\"/></win-def:service_test>"
      + "<win-def:service_test id=\"oval:t:tst:2\" version=\"1\" check_existence=\"none_exist\" check=\"all\" comment=\"c\">"
      + "<win-def:object object_ref=\"oval:t:obj:2\"/></win-def:service_test></tests><objects>"
      + "<win-def:service_object id=\"oval:t:obj:1\" version=\"1\"><win-def:service_name>MSExchangePOP3</win-def:service_name></win-def:service_object>"
      + "<win-def:service_object id=\"oval:t:obj:2\" version=\"1\"><win-def:service_name operation=\"pattern match\">^MSExchangeIMAP4</win-def:service_name></win-def:service_object>"
      + "</objects><states><win-def:service_state id=\"oval:t:ste:1\" version=\"1\">"
      + "<win-def:start_type>SERVICE_DISABLED</win-def:start_type><win-def:current_state>SERVICE_STOPPED</win-def:current_state>"
      + "</win-def:service_state></states></oval_definitions>";

  /** No trustee but SYSTEM and Administrators may write the folder named by a registry value + "\Logging". */
  static final String RIGHTS = HEAD
      + "<criterion test_ref=\"oval:t:tst:9\"/><criterion test_ref=\"oval:t:tst:1\"/></criteria></definition></definitions><tests>"
      + "<win-def:fileeffectiverights53_test id=\"oval:t:tst:9\" version=\"1\" check_existence=\"at_least_one_exists\" check=\"all\" comment=\"c\">"
      + "<win-def:object object_ref=\"oval:t:obj:2\"/></win-def:fileeffectiverights53_test>"
      + "<win-def:fileeffectiverights53_test id=\"oval:t:tst:1\" version=\"1\" check_existence=\"any_exist\" check=\"none satisfy\" comment=\"c\">"
      + "<win-def:object object_ref=\"oval:t:obj:1\"/><win-def:state state_ref=\"oval:t:ste:2\"/></win-def:fileeffectiverights53_test>"
      + "</tests><objects>"
      + "<win-def:fileeffectiverights53_object id=\"oval:t:obj:1\" version=\"1\"><win-def:path var_ref=\"oval:t:var:1\"/>"
      + "<win-def:filename xsi:nil=\"true\"/><win-def:trustee_sid operation=\"pattern match\">.*</win-def:trustee_sid>"
      + "<filter action=\"exclude\">oval:t:ste:1</filter></win-def:fileeffectiverights53_object>"
      + "<win-def:fileeffectiverights53_object id=\"oval:t:obj:2\" version=\"1\"><win-def:path var_ref=\"oval:t:var:1\"/>"
      + "<win-def:filename xsi:nil=\"true\"/><win-def:trustee_sid operation=\"pattern match\">.*</win-def:trustee_sid></win-def:fileeffectiverights53_object>"
      + "<win-def:registry_object id=\"oval:t:obj:3\" version=\"1\"><win-def:hive>HKEY_LOCAL_MACHINE</win-def:hive>"
      + "<win-def:key>SOFTWARE\\X</win-def:key><win-def:name>InstallPath</win-def:name></win-def:registry_object>"
      + "</objects><states>"
      + "<win-def:fileeffectiverights53_state id=\"oval:t:ste:1\" version=\"1\"><win-def:trustee_sid operation=\"pattern match\">^(S-1-5-18|S-1-5-32-544)$</win-def:trustee_sid></win-def:fileeffectiverights53_state>"
      + "<win-def:fileeffectiverights53_state id=\"oval:t:ste:2\" version=\"1\" operator=\"OR\">"
      + "<win-def:generic_write datatype=\"boolean\">true</win-def:generic_write><win-def:file_write_data datatype=\"boolean\">true</win-def:file_write_data>"
      + "<win-def:file_delete_child datatype=\"boolean\">true</win-def:file_delete_child></win-def:fileeffectiverights53_state>"
      + "</states><variables><local_variable id=\"oval:t:var:1\" version=\"1\" datatype=\"string\" comment=\"c\"><concat>"
      + "<regex_capture pattern=\"^(.*?)\\\\*$\"><object_component object_ref=\"oval:t:obj:3\" item_field=\"value\"/></regex_capture>"
      + "<literal_component>\\Logging</literal_component></concat></local_variable></variables></oval_definitions>";

  /** The drive of the registry path is not the drive of SystemRoot. */
  static final String DRIVES = HEAD
      + "<criterion test_ref=\"oval:t:tst:1\"/></criteria></definition></definitions><tests>"
      + "<ind-def:variable_test id=\"oval:t:tst:1\" version=\"1\" check_existence=\"at_least_one_exists\" check=\"all\" comment=\"c\">"
      + "<ind-def:object object_ref=\"oval:t:obj:1\"/><ind-def:state state_ref=\"oval:t:ste:1\"/></ind-def:variable_test></tests><objects>"
      + "<ind-def:variable_object id=\"oval:t:obj:1\" version=\"1\"><ind-def:var_ref>oval:t:var:1</ind-def:var_ref></ind-def:variable_object>"
      + "<win-def:registry_object id=\"oval:t:obj:3\" version=\"1\"><win-def:hive>HKEY_LOCAL_MACHINE</win-def:hive>"
      + "<win-def:key>SOFTWARE\\X</win-def:key><win-def:name>InstallPath</win-def:name></win-def:registry_object>"
      + "<win-def:registry_object id=\"oval:t:obj:4\" version=\"1\"><win-def:hive>HKEY_LOCAL_MACHINE</win-def:hive>"
      + "<win-def:key>SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion</win-def:key><win-def:name>SystemRoot</win-def:name></win-def:registry_object>"
      + "</objects><states><ind-def:variable_state id=\"oval:t:ste:1\" version=\"1\">"
      + "<ind-def:value datatype=\"string\" operation=\"case insensitive not equal\" var_ref=\"oval:t:var:2\"/></ind-def:variable_state></states>"
      + "<variables><local_variable id=\"oval:t:var:1\" version=\"1\" datatype=\"string\" comment=\"c\"><substring substring_start=\"1\" substring_length=\"2\">"
      + "<object_component object_ref=\"oval:t:obj:3\" item_field=\"value\"/></substring></local_variable>"
      + "<local_variable id=\"oval:t:var:2\" version=\"1\" datatype=\"string\" comment=\"c\"><substring substring_start=\"1\" substring_length=\"2\">"
      + "<object_component object_ref=\"oval:t:obj:4\" item_field=\"value\"/></substring></local_variable></variables></oval_definitions>";

  record Case(String name, String defs, HostData host, String expected) {}

  static HostData host(Map<String, Map<String, PsValue>> registry, Map<String, HostData.WindowsService> services,
      Map<String, List<HostData.TrusteeRights>> folders) {
    HostFacts f = new HostFacts("h", null, List.of(), List.of(), List.of(), "Microsoft Windows Server 2016", null, null, null, List.of());
    return new HostData("test", f, Map.of(), registry, services, folders);
  }

  static HostData.WindowsService svc(String name, String start, String state) {
    return new HostData.WindowsService(name, name, start, state, "LocalSystem", "C:\\x.exe", "Own Process");
  }

  static Map<String, Map<String, PsValue>> reg(String install, String systemRoot) {
    Map<String, Map<String, PsValue>> r = new LinkedHashMap<>();
    if (install != null) r.put("HKLM\\SOFTWARE\\X", Map.of("InstallPath", new PsValue.Text(install)));
    if (systemRoot != null) r.put("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", Map.of("SystemRoot", new PsValue.Text(systemRoot)));
    return r;
  }

  static final String LOGS = "D:\\Exchange\\Logging";
  static final HostData.TrusteeRights SYSTEM = new HostData.TrusteeRights("S-1-5-18", "NT AUTHORITY\\SYSTEM", 0x1F01FF);
  static final HostData.TrusteeRights ADMINS = new HostData.TrusteeRights("S-1-5-32-544", "BUILTIN\\Administrators", 0x1F01FF);

  static List<Case> cases() {
    List<Case> c = new ArrayList<>();
    c.add(new Case("service disabled, imap absent", SERVICES, host(Map.of(), Map.of("MSExchangePOP3", svc("MSExchangePOP3", "Disabled", "Stopped")), null), "true"));
    c.add(new Case("service not installed", SERVICES, host(Map.of(), Map.of("W32Time", svc("W32Time", "Manual", "Running")), null), "true"));
    c.add(new Case("service manual start", SERVICES, host(Map.of(), Map.of("MSExchangePOP3", svc("MSExchangePOP3", "Manual", "Stopped")), null), "false"));
    c.add(new Case("service disabled but running", SERVICES, host(Map.of(), Map.of("MSExchangePOP3", svc("MSExchangePOP3", "Disabled", "Running")), null), "false"));
    c.add(new Case("imap installed", SERVICES, host(Map.of(), Map.of("MSExchangeIMAP4BE", svc("MSExchangeIMAP4BE", "Disabled", "Stopped")), null), "false"));
    c.add(new Case("services not collected", SERVICES, host(Map.of(), null, null), "unknown"));
    c.add(new Case("state unknown to WMI", SERVICES, host(Map.of(), Map.of("MSExchangePOP3", svc("MSExchangePOP3", "Disabled", "Unknown")), null), "false"));

    c.add(new Case("only allowed trustees", RIGHTS, host(reg("D:\\Exchange\\", null), null, Map.of(LOGS, List.of(SYSTEM, ADMINS))), "true"));
    c.add(new Case("users read only", RIGHTS, host(reg("D:\\Exchange\\", null), null, Map.of(LOGS, List.of(SYSTEM, ADMINS,
        new HostData.TrusteeRights("S-1-5-32-545", null, 0x1200A9)))), "true"));
    c.add(new Case("users may delete children", RIGHTS, host(reg("D:\\Exchange\\", null), null, Map.of(LOGS, List.of(SYSTEM,
        new HostData.TrusteeRights("S-1-5-32-545", "BUILTIN\\Users", 0x1200A9 | 0x40)))), "false"));
    c.add(new Case("everyone full control", RIGHTS, host(reg("D:\\Exchange", null), null, Map.of(LOGS, List.of(SYSTEM,
        new HostData.TrusteeRights("S-1-1-0", "Everyone", 0x1F01FF)))), "false"));
    c.add(new Case("folder missing", RIGHTS, host(reg("D:\\Exchange\\", null), null, Map.of("D:\\Exchange", List.of(SYSTEM))), "false"));
    c.add(new Case("rights not collected", RIGHTS, host(reg("D:\\Exchange\\", null), null, null), "unknown"));
    c.add(new Case("install path missing", RIGHTS, host(reg(null, "C:\\Windows"), null, Map.of(LOGS, List.of(SYSTEM))), "error"));
    c.add(new Case("registry not collected", RIGHTS, host(reg(null, null), null, Map.of(LOGS, List.of(SYSTEM))), "unknown"));

    c.add(new Case("other drive", DRIVES, host(reg("D:\\Exchange\\", "C:\\Windows"), null, null), "true"));
    c.add(new Case("same drive", DRIVES, host(reg("C:\\Exchange\\", "C:\\Windows"), null, null), "false"));
    c.add(new Case("same drive other case", DRIVES, host(reg("c:\\Exchange\\", "C:\\Windows"), null, null), "false"));
    c.add(new Case("no system root", DRIVES, host(reg("D:\\Exchange\\", null), null, null), "error"));
    return c;
  }

  @TestFactory
  Stream<DynamicTest> probeEngineAndOscapAgree() {
    return cases().stream().map(k -> DynamicTest.dynamicTest(k.name(), () -> {
      Path dir = Files.createTempDirectory(tmp, "case");
      Path defsFile = dir.resolve("defs.xml");
      Files.writeString(defsFile, k.defs());
      OvalSchemas.validate(defsFile);
      OvalDefinitions defs = OvalDefinitionsReader.read(defsFile);
      SystemCharacteristics sc = Probe.collect(defs, k.host(), Map.of(), T);
      Path scFile = dir.resolve("sc.xml");
      SystemCharacteristicsWriter.write(sc, scFile);
      OvalSchemas.validate(scFile);
      String ours = OvalEngine.evaluate(defs, sc, Map.of()).result("oval:t:def:1").xml();
      assertThat(ours).as(k.name()).isEqualTo(k.expected());
      if (!Oscap.available()) return;
      assertThat(Oscap.analyse(defsFile, scFile, dir.resolve("results.xml"), "oval:t:def:1"))
          .as("oscap on " + k.name()).isEqualTo(ours);
    }));
  }
}
