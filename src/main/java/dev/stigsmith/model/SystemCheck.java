package dev.stigsmith.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A check on the host itself rather than on cmdlet output: registry values, Windows services,
 * folder permissions, partitions. Each renders to the OVAL object type a SCAP author would pick.
 */
public sealed interface SystemCheck {
  /** How evidence and OVAL comments name what is checked, e.g. "Exchange audit log folder". */
  String label();

  /** The requirements the check compares with (their Values are exported to OVAL). */
  List<Requirement> requirements();

  /** Whether a value that is absent passes or fails. */
  enum Absent { PASS, FAIL }

  /**
   * Registry values ({@code win-def:registry_object}).
   *
   * @param firstPresent when true the first location holding the value decides (Group Policy before
   *     the local setting); when false every value must meet its requirement
   */
  record Registry(String label, boolean firstPresent, List<RegistryValue> values) implements SystemCheck {
    public Registry {
      values = List.copyOf(values);
      if (values.isEmpty()) throw new IllegalArgumentException("a registry check needs at least one value");
    }

    @Override
    public List<Requirement> requirements() {
      return values.stream().map(RegistryValue::require).toList();
    }
  }

  /**
   * One registry value and what its data must meet.
   *
   * @param key "HKLM\SOFTWARE\…" as the collector writes it
   * @param require on the OVAL entity "value"
   */
  record RegistryValue(String key, String name, Requirement require, Absent whenAbsent) {
    public static final Set<String> HIVES = Set.of("HKLM", "HKCU", "HKU", "HKCR", "HKCC");

    public RegistryValue {
      if (!key.matches("(HKLM|HKCU|HKU|HKCR|HKCC)\\\\.+")) {
        throw new IllegalArgumentException("registry key '" + key + "' must start with HKLM\\, HKCU\\, HKU\\, HKCR\\ or HKCC\\");
      }
    }

    public String hiveAbbreviation() { return key.substring(0, key.indexOf('\\')); }

    /** The hive as OVAL spells it. */
    public String hive() { return fullHive(hiveAbbreviation()); }

    /** The key below the hive. */
    public String subKey() { return key.substring(key.indexOf('\\') + 1); }
  }

  static String fullHive(String abbreviation) {
    return switch (abbreviation) {
      case "HKLM" -> "HKEY_LOCAL_MACHINE";
      case "HKCU" -> "HKEY_CURRENT_USER";
      case "HKU" -> "HKEY_USERS";
      case "HKCR" -> "HKEY_CLASSES_ROOT";
      case "HKCC" -> "HKEY_CURRENT_CONFIG";
      default -> throw new IllegalArgumentException("unknown hive " + abbreviation);
    };
  }

  /**
   * Windows services by service (key) name ({@code win-def:service_object}).
   *
   * @param require on OVAL service_item entities (start_type, current_state, start_name, path);
   *     empty with {@code mustBeAbsent}
   * @param mustBeAbsent the services must not be installed at all
   */
  record Service(String label, List<String> names, List<Requirement> require, Absent whenAbsent, boolean mustBeAbsent)
      implements SystemCheck {
    public static final Set<String> ENTITIES = Set.of("start_type", "current_state", "start_name", "path", "display_name", "service_type");

    public Service {
      names = List.copyOf(names);
      require = List.copyOf(require);
      if (names.isEmpty()) throw new IllegalArgumentException("a service check needs at least one service name");
      if (mustBeAbsent != require.isEmpty()) {
        throw new IllegalArgumentException(mustBeAbsent ? "expect: none has no 'require'" : "a service check needs 'require' or 'expect: none'");
      }
    }

    @Override
    public List<Requirement> requirements() { return require; }
  }

  /** Where a folder or file is: a literal path, or derived from a registry value or cmdlet property. */
  sealed interface PathSource {
    /** Appended below the source's path with one backslash, or null. */
    String append();

    String describe();
  }

  record LiteralPath(String path) implements PathSource {
    @Override
    public String append() { return null; }

    @Override
    public String describe() { return path; }
  }

  record RegistryPath(String key, String name, String append) implements PathSource {
    public RegistryPath {
      new RegistryValue(key, name, null, Absent.FAIL);
    }

    public RegistryValue value() { return new RegistryValue(key, name, null, Absent.FAIL); }

    @Override
    public String describe() { return key + "\\" + name + (append == null ? "" : " + \\" + append); }
  }

  record CmdletPath(CmdletQuery query, String property, String append) implements PathSource {
    @Override
    public String describe() { return query.cmdlet() + "." + property + (append == null ? "" : " + \\" + append); }
  }

  /**
   * A path held in an XML file (e.g. QueueDatabasePath in EdgeTransport.exe.config), read with an
   * XPath 1.0 expression ({@code ind-def:xmlfilecontent_object}).
   *
   * @param file where the XML file is (a registry-named folder plus the file's relative path)
   */
  record XmlFilePath(RegistryPath file, String xpath) implements PathSource {
    public XmlFilePath {
      if (file.append() == null) throw new IllegalArgumentException("an xml_file needs 'append': the file below the folder");
    }

    @Override
    public String append() { return null; }

    @Override
    public String describe() { return xpath + " in " + file.describe(); }
  }

  /**
   * No trustee other than the allowed ones may hold any of the rights on the folder
   * ({@code win-def:fileeffectiverights53_object}).
   *
   * @param allowedTrustees a pattern match on {@code trustee_sid}: SIDs that may hold the rights
   * @param rights OVAL fileeffectiverights entity names, any of which held is a finding
   */
  record FileRights(String label, PathSource path, Requirement allowedTrustees, List<String> rights)
      implements SystemCheck {
    public static final List<String> RIGHTS = List.of(
        "standard_delete", "standard_read_control", "standard_write_dac", "standard_write_owner",
        "standard_synchronize", "access_system_security", "generic_read", "generic_write", "generic_execute",
        "generic_all", "file_read_data", "file_write_data", "file_append_data", "file_read_ea", "file_write_ea",
        "file_execute", "file_delete_child", "file_read_attributes", "file_write_attributes");

    public FileRights {
      rights = List.copyOf(rights);
      if (rights.isEmpty()) throw new IllegalArgumentException("a file_rights check needs at least one right");
      for (String r : rights) {
        if (!RIGHTS.contains(r)) throw new IllegalArgumentException("'" + r + "' is not a file right (expected one of " + String.join(", ", RIGHTS) + ")");
      }
    }

    @Override
    public List<Requirement> requirements() { return List.of(allowedTrustees); }
  }

  /** The drive of one path is not the drive of another ({@code ind-def:variable_object}). */
  record Partition(String label, PathSource path, PathSource notOnDriveOf) implements SystemCheck {
    @Override
    public List<Requirement> requirements() { return List.of(); }
  }

  /** Every path source a check reads, for the collector's lists. */
  static List<PathSource> paths(SystemCheck c) {
    List<PathSource> out = new ArrayList<>();
    if (c instanceof FileRights f) out.add(f.path());
    if (c instanceof Partition p) {
      out.add(p.path());
      out.add(p.notOnDriveOf());
    }
    return out;
  }
}
