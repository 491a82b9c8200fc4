package dev.stigsmith.scap.oval;

import static dev.stigsmith.xml.Ns.OVAL_DEF;
import static dev.stigsmith.xml.Ns.OVAL_DEF_IND;
import static dev.stigsmith.xml.Ns.OVAL_DEF_WIN;
import static dev.stigsmith.xml.Ns.XSI;

import dev.stigsmith.model.Requirement;
import dev.stigsmith.model.Rule;
import dev.stigsmith.model.SystemCheck;
import dev.stigsmith.scap.Ids;
import dev.stigsmith.xml.XmlBuilder.E;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One rule's OVAL for a {@link SystemCheck}, in the object types a SCAP author would use:
 * {@code registry_test}, {@code service_test}, {@code fileeffectiverights53_test} and, for
 * partitions, {@code ind-def:variable_test} over drive letters computed by local variables.
 */
final class SystemOval {
  private static final int OBJECT = 1;
  private static final int ALL_TRUSTEES_OBJECT = 2;
  private static final int ALLOWED_STATE = 30;
  private static final int ABSENT_TEST = 40;
  private static final int STATE = 50;
  private static final int TEST = 70;
  private static final int EXISTS_TEST = 99;
  private static final int SOURCE = 90;
  /** An XML file's own path variable and registry object sit this far above the path they hold. */
  private static final int XML_FILE_OFFSET = 5;

  /** Service state entities in the order the schema wants them. */
  private static final List<String> SERVICE_ORDER =
      List.of("display_name", "service_type", "start_type", "current_state", "start_name", "path");

  private final OvalRenderer.Doc d;
  private final Rule rule;
  private final Function<Requirement, String> externalVariable;

  SystemOval(OvalRenderer.Doc d, Rule rule, Function<Requirement, String> externalVariable) {
    this.d = d;
    this.rule = rule;
    this.externalVariable = externalVariable;
  }

  static String describe(SystemCheck c) {
    if (c instanceof SystemCheck.Registry r) {
      List<String> parts = new ArrayList<>();
      for (SystemCheck.RegistryValue v : r.values()) {
        parts.add(v.key() + "\\" + v.name() + " " + describe(v.require())
            + (r.firstPresent() ? "" : v.whenAbsent() == SystemCheck.Absent.PASS ? " (absent passes)" : " (absent fails)"));
      }
      if (r.firstPresent()) {
        SystemCheck.RegistryValue first = r.values().get(0);
        return "The first of " + String.join(", ", r.values().stream().map(v -> v.key() + "\\" + v.name()).toList())
            + " that is present must be " + describe(first.require()) + "; when none is present the rule "
            + (first.whenAbsent() == SystemCheck.Absent.PASS ? "passes" : "fails") + ".";
      }
      return "Registry: " + String.join("; ", parts) + ".";
    }
    if (c instanceof SystemCheck.Service s) {
      if (s.mustBeAbsent()) return "The services " + String.join(", ", s.names()) + " are not installed.";
      return "The services " + String.join(", ", s.names()) + ", where installed, have "
          + String.join(" and ", s.require().stream().map(SystemOval::describeEntity).toList())
          + (s.whenAbsent() == SystemCheck.Absent.PASS ? "; a service that is not installed passes." : "; each must be installed.");
    }
    if (c instanceof SystemCheck.FileRights f) {
      return "On " + f.label() + " (" + f.path().describe() + "), no trustee other than those matching "
          + expected(f.allowedTrustees()) + " holds any of " + String.join(", ", f.rights())
          + ". The folder must exist.";
    }
    SystemCheck.Partition p = (SystemCheck.Partition) c;
    return "The drive of " + p.path().describe() + " is not the drive of " + p.notOnDriveOf().describe() + ".";
  }

  private static String describe(Requirement r) {
    return r.operation().oval() + " " + expected(r);
  }

  private static String describeEntity(Requirement r) {
    return r.property() + " " + describe(r);
  }

  private static String expected(Requirement r) {
    return r.value() != null ? r.value() : "${" + r.valueRef() + "}";
  }

  void render(E def) {
    SystemCheck c = rule.automated().system();
    if (c instanceof SystemCheck.Registry r) {
      registry(def, r);
    } else if (c instanceof SystemCheck.Service s) {
      service(def, s);
    } else if (c instanceof SystemCheck.FileRights f) {
      fileRights(def, f);
    } else {
      partition(def, (SystemCheck.Partition) c);
    }
  }

  // ---- registry -------------------------------------------------------------------------------------

  private void registry(E def, SystemCheck.Registry r) {
    List<String> objects = new ArrayList<>();
    for (int i = 0; i < r.values().size(); i++) objects.add(registryObject(OBJECT + i, r.values().get(i)));
    if (!r.firstPresent()) {
      E criteria = def.add(OVAL_DEF, "criteria").attr("operator", "AND").attr("comment", r.label());
      for (int i = 0; i < r.values().size(); i++) {
        SystemCheck.RegistryValue v = r.values().get(i);
        String tst = meetsTest(i, v, objects.get(i), v.whenAbsent() == SystemCheck.Absent.PASS ? "any_exist" : "at_least_one_exists");
        criteria.add(OVAL_DEF, "criterion").attr("test_ref", tst).attr("comment", meetsComment(v));
      }
      return;
    }
    E criteria = def.add(OVAL_DEF, "criteria").attr("operator", "OR")
        .attr("comment", "the first location holding " + r.values().get(0).name() + " decides");
    List<String> absent = new ArrayList<>();
    for (int i = 0; i < r.values().size(); i++) {
      SystemCheck.RegistryValue v = r.values().get(i);
      E branch = criteria.add(OVAL_DEF, "criteria").attr("operator", "AND")
          .attr("comment", v.key() + "\\" + v.name() + (i == 0 ? " is present" : " decides (earlier locations absent)"));
      for (int j = 0; j < i; j++) {
        branch.add(OVAL_DEF, "criterion").attr("test_ref", absent.get(j)).attr("comment", absentComment(r.values().get(j)));
      }
      String tst = meetsTest(i, v, objects.get(i), "at_least_one_exists");
      branch.add(OVAL_DEF, "criterion").attr("test_ref", tst).attr("comment", meetsComment(v));
      absent.add(absentTest(i, v, objects.get(i)));
    }
    if (r.values().get(0).whenAbsent() == SystemCheck.Absent.PASS) {
      E none = criteria.add(OVAL_DEF, "criteria").attr("operator", "AND").attr("comment", "no location holds the value (the default applies)");
      for (int j = 0; j < r.values().size(); j++) {
        none.add(OVAL_DEF, "criterion").attr("test_ref", absent.get(j)).attr("comment", absentComment(r.values().get(j)));
      }
    }
  }

  private static String meetsComment(SystemCheck.RegistryValue v) {
    return v.key() + "\\" + v.name() + " " + describe(v.require());
  }

  private static String absentComment(SystemCheck.RegistryValue v) {
    return v.key() + "\\" + v.name() + " is absent";
  }

  private String registryObject(int local, SystemCheck.RegistryValue v) {
    String id = Ids.ovalPart(rule, "obj", local);
    E o = d.objects.add(OVAL_DEF_WIN, "registry_object").attr("id", id).attr("version", "1")
        .attr("comment", v.key() + "\\" + v.name());
    o.add(OVAL_DEF_WIN, "hive", v.hive());
    o.add(OVAL_DEF_WIN, "key", v.subKey());
    o.add(OVAL_DEF_WIN, "name", v.name());
    return id;
  }

  private String meetsTest(int i, SystemCheck.RegistryValue v, String obj, String existence) {
    String tst = Ids.ovalPart(rule, "tst", TEST + i);
    String ste = Ids.ovalPart(rule, "ste", STATE + i);
    E test = d.tests.add(OVAL_DEF_WIN, "registry_test").attr("id", tst).attr("version", "1")
        .attr("check_existence", existence).attr("check", "all").attr("comment", meetsComment(v));
    test.add(OVAL_DEF_WIN, "object").attr("object_ref", obj);
    test.add(OVAL_DEF_WIN, "state").attr("state_ref", ste);
    E s = d.states.add(OVAL_DEF_WIN, "registry_state").attr("id", ste).attr("version", "1").attr("comment", meetsComment(v));
    entity(s, OVAL_DEF_WIN, "value", v.require());
    return tst;
  }

  private String absentTest(int i, SystemCheck.RegistryValue v, String obj) {
    String tst = Ids.ovalPart(rule, "tst", ABSENT_TEST + i);
    E test = d.tests.add(OVAL_DEF_WIN, "registry_test").attr("id", tst).attr("version", "1")
        .attr("check_existence", "none_exist").attr("check", "all").attr("comment", absentComment(v));
    test.add(OVAL_DEF_WIN, "object").attr("object_ref", obj);
    return tst;
  }

  /** A state entity comparing with a literal or a site Value. */
  private void entity(E state, String ns, String name, Requirement r) {
    E e = state.add(ns, name).attr("datatype", r.datatype().oval()).attr("operation", r.operation().oval());
    if (r.valueRef() != null) {
      e.attr("var_ref", externalVariable.apply(r));
    } else {
      e.text(r.value());
    }
  }

  // ---- services -------------------------------------------------------------------------------------

  private void service(E def, SystemCheck.Service s) {
    E criteria = def.add(OVAL_DEF, "criteria").attr("operator", "AND").attr("comment", s.label());
    String ste = null;
    if (!s.mustBeAbsent()) {
      ste = Ids.ovalPart(rule, "ste", STATE);
      E st = d.states.add(OVAL_DEF_WIN, "service_state").attr("id", ste).attr("version", "1")
          .attr("comment", String.join(" and ", s.require().stream().map(SystemOval::describeEntity).toList()));
      List<Requirement> ordered = new ArrayList<>(s.require());
      ordered.sort(Comparator.comparingInt(q -> SERVICE_ORDER.indexOf(q.property())));
      for (Requirement q : ordered) entity(st, OVAL_DEF_WIN, q.property(), q);
    }
    for (int i = 0; i < s.names().size(); i++) {
      String name = s.names().get(i);
      String obj = Ids.ovalPart(rule, "obj", OBJECT + i);
      d.objects.add(OVAL_DEF_WIN, "service_object").attr("id", obj).attr("version", "1")
          .attr("comment", "service " + name)
          .add(OVAL_DEF_WIN, "service_name", name);
      String tst = Ids.ovalPart(rule, "tst", TEST + i);
      String comment = s.mustBeAbsent() ? "service " + name + " is not installed"
          : "service " + name + (s.whenAbsent() == SystemCheck.Absent.PASS ? ", if installed," : "") + " has "
              + String.join(" and ", s.require().stream().map(SystemOval::describeEntity).toList());
      String existence = s.mustBeAbsent() ? "none_exist"
          : s.whenAbsent() == SystemCheck.Absent.PASS ? "any_exist" : "at_least_one_exists";
      E test = d.tests.add(OVAL_DEF_WIN, "service_test").attr("id", tst).attr("version", "1")
          .attr("check_existence", existence).attr("check", "all").attr("comment", comment);
      test.add(OVAL_DEF_WIN, "object").attr("object_ref", obj);
      if (ste != null) test.add(OVAL_DEF_WIN, "state").attr("state_ref", ste);
      criteria.add(OVAL_DEF, "criterion").attr("test_ref", tst).attr("comment", comment);
    }
  }

  // ---- folder permissions ---------------------------------------------------------------------------

  private void fileRights(E def, SystemCheck.FileRights f) {
    String pathVar = pathVariable(SOURCE, f.path(), false);
    String allowed = Ids.ovalPart(rule, "ste", ALLOWED_STATE);
    E as = d.states.add(OVAL_DEF_WIN, "fileeffectiverights53_state").attr("id", allowed).attr("version", "1")
        .attr("comment", "trustees allowed on " + f.label());
    entity(as, OVAL_DEF_WIN, "trustee_sid", f.allowedTrustees());

    String others = rightsObject(OBJECT, pathVar, f.label() + ": trustees other than the allowed ones", allowed);
    String all = rightsObject(ALL_TRUSTEES_OBJECT, pathVar, f.label() + ": every trustee", null);

    String rights = Ids.ovalPart(rule, "ste", STATE);
    List<String> ordered = new ArrayList<>(f.rights());
    ordered.sort(Comparator.comparingInt(SystemCheck.FileRights.RIGHTS::indexOf));
    E rs = d.states.add(OVAL_DEF_WIN, "fileeffectiverights53_state").attr("id", rights).attr("version", "1")
        .attr("operator", "OR").attr("comment", "holds any of " + String.join(", ", ordered));
    for (String r : ordered) rs.add(OVAL_DEF_WIN, r, "true").attr("datatype", "boolean");

    E criteria = def.add(OVAL_DEF, "criteria").attr("operator", "AND").attr("comment", f.label());
    String exists = Ids.ovalPart(rule, "tst", EXISTS_TEST);
    String existsComment = f.label() + " exists and its permissions were read";
    E t1 = d.tests.add(OVAL_DEF_WIN, "fileeffectiverights53_test").attr("id", exists).attr("version", "1")
        .attr("check_existence", "at_least_one_exists").attr("check", "all").attr("comment", existsComment);
    t1.add(OVAL_DEF_WIN, "object").attr("object_ref", all);
    criteria.add(OVAL_DEF, "criterion").attr("test_ref", exists).attr("comment", existsComment);

    String tst = Ids.ovalPart(rule, "tst", TEST);
    String comment = "no other trustee holds any of " + String.join(", ", ordered) + " on " + f.label();
    E t2 = d.tests.add(OVAL_DEF_WIN, "fileeffectiverights53_test").attr("id", tst).attr("version", "1")
        .attr("check_existence", "any_exist").attr("check", "none satisfy").attr("comment", comment);
    t2.add(OVAL_DEF_WIN, "object").attr("object_ref", others);
    t2.add(OVAL_DEF_WIN, "state").attr("state_ref", rights);
    criteria.add(OVAL_DEF, "criterion").attr("test_ref", tst).attr("comment", comment);
  }

  private String rightsObject(int local, String pathVar, String comment, String excludeState) {
    String id = Ids.ovalPart(rule, "obj", local);
    E o = d.objects.add(OVAL_DEF_WIN, "fileeffectiverights53_object").attr("id", id).attr("version", "1")
        .attr("comment", comment);
    o.add(OVAL_DEF_WIN, "path").attr("var_ref", pathVar);
    o.add(OVAL_DEF_WIN, "filename").attr(XSI, "nil", "true");
    o.add(OVAL_DEF_WIN, "trustee_sid", ".*").attr("operation", "pattern match");
    if (excludeState != null) o.add(OVAL_DEF, "filter", excludeState).attr("action", "exclude");
    return id;
  }

  // ---- partitions -----------------------------------------------------------------------------------

  private void partition(E def, SystemCheck.Partition p) {
    String drive = pathVariable(SOURCE, p.path(), true);
    String other = pathVariable(SOURCE + 1, p.notOnDriveOf(), true);
    String obj = Ids.ovalPart(rule, "obj", OBJECT);
    d.objects.add(OVAL_DEF_IND, "variable_object").attr("id", obj).attr("version", "1")
        .attr("comment", "drive of " + p.path().describe())
        .add(OVAL_DEF_IND, "var_ref", drive);
    String ste = Ids.ovalPart(rule, "ste", STATE);
    d.states.add(OVAL_DEF_IND, "variable_state").attr("id", ste).attr("version", "1")
        .attr("comment", "not the drive of " + p.notOnDriveOf().describe())
        .add(OVAL_DEF_IND, "value").attr("datatype", "string").attr("operation", "case insensitive not equal")
        .attr("var_ref", other);
    String tst = Ids.ovalPart(rule, "tst", TEST);
    String comment = p.label() + " (" + p.path().describe() + ") is not on the drive of " + p.notOnDriveOf().describe();
    E test = d.tests.add(OVAL_DEF_IND, "variable_test").attr("id", tst).attr("version", "1")
        .attr("check_existence", "at_least_one_exists").attr("check", "all").attr("comment", comment);
    test.add(OVAL_DEF_IND, "object").attr("object_ref", obj);
    test.add(OVAL_DEF_IND, "state").attr("state_ref", ste);
    def.add(OVAL_DEF, "criteria").attr("operator", "AND").attr("comment", p.label())
        .add(OVAL_DEF, "criterion").attr("test_ref", tst).attr("comment", comment);
  }

  /**
   * A local variable holding the path (trailing backslashes removed, {@code append} joined with one
   * backslash), or with {@code driveOnly} its first two characters ("C:").
   */
  private String pathVariable(int local, SystemCheck.PathSource source, boolean driveOnly) {
    String var = Ids.ovalPart(rule, "var", local);
    E v = d.variables.add(OVAL_DEF, "local_variable").attr("id", var).attr("version", "1").attr("datatype", "string")
        .attr("comment", (driveOnly ? "drive of " : "") + source.describe());
    E parent = v;
    if (driveOnly) {
      parent = v.add(OVAL_DEF, "substring").attr("substring_start", "1").attr("substring_length", "2");
    }
    if (source instanceof SystemCheck.LiteralPath l) {
      parent.add(OVAL_DEF, "literal_component", driveOnly ? l.path() : stripTrailing(l.path()));
      return var;
    }
    E into = parent;
    if (!driveOnly && source.append() != null) {
      into = parent.add(OVAL_DEF, "concat");
    }
    E path = driveOnly ? into : into.add(OVAL_DEF, "regex_capture").attr("pattern", "^(.*?)\\\\*$");
    sourceComponent(path, local, source);
    if (!driveOnly && source.append() != null) into.add(OVAL_DEF, "literal_component", "\\" + source.append());
    return var;
  }

  private static String stripTrailing(String path) {
    return path.replaceAll("\\\\+$", "");
  }

  private void sourceComponent(E parent, int local, SystemCheck.PathSource source) {
    String obj = Ids.ovalPart(rule, "obj", local);
    if (source instanceof SystemCheck.XmlFilePath x) {
      String fileVar = pathVariable(local + XML_FILE_OFFSET, x.file(), false);
      E o = d.objects.add(OVAL_DEF_IND, "xmlfilecontent_object").attr("id", obj).attr("version", "1")
          .attr("comment", x.describe());
      o.add(OVAL_DEF_IND, "filepath").attr("var_ref", fileVar);
      o.add(OVAL_DEF_IND, "xpath", x.xpath());
      parent.add(OVAL_DEF, "object_component").attr("object_ref", obj).attr("item_field", "value_of");
      return;
    }
    if (source instanceof SystemCheck.RegistryPath r) {
      SystemCheck.RegistryValue v = r.value();
      E o = d.objects.add(OVAL_DEF_WIN, "registry_object").attr("id", obj).attr("version", "1")
          .attr("comment", v.key() + "\\" + v.name());
      o.add(OVAL_DEF_WIN, "hive", v.hive());
      o.add(OVAL_DEF_WIN, "key", v.subKey());
      o.add(OVAL_DEF_WIN, "name", v.name());
      parent.add(OVAL_DEF, "object_component").attr("object_ref", obj).attr("item_field", "value");
      return;
    }
    SystemCheck.CmdletPath c = (SystemCheck.CmdletPath) source;
    E o = d.objects.add(OVAL_DEF_WIN, "cmdlet_object").attr("id", obj).attr("version", "1")
        .attr("comment", c.query().cmdlet() + "." + c.property());
    o.add(OVAL_DEF_WIN, "module_name", c.query().module());
    o.add(OVAL_DEF_WIN, "module_id").attr(XSI, "nil", "true");
    o.add(OVAL_DEF_WIN, "module_version").attr("datatype", "version").attr(XSI, "nil", "true");
    o.add(OVAL_DEF_WIN, "verb", c.query().verb());
    o.add(OVAL_DEF_WIN, "noun", c.query().noun());
    o.add(OVAL_DEF_WIN, "parameters").attr("datatype", "record").attr(XSI, "nil", "true");
    String field = c.property().toLowerCase(Locale.ROOT);
    o.add(OVAL_DEF_WIN, "select").attr("datatype", "record").add(OVAL_DEF, "field", c.property()).attr("name", field);
    parent.add(OVAL_DEF, "object_component").attr("object_ref", obj).attr("item_field", "value").attr("record_field", field);
  }
}
