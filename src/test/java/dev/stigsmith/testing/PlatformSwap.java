package dev.stigsmith.testing;

import dev.stigsmith.hostdata.HostData;
import dev.stigsmith.hostdata.PsValue;
import dev.stigsmith.model.Platform;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A host-data scenario written for one benchmark's platform, moved to another's: wherever the host holds
 * a registry value one platform expects and the other expects differently (Exchange 2016 MsiProductMinor
 * 1, Exchange 2019 2), the two are exchanged. A host of the one platform becomes a host of the other, a
 * host of the other becomes one of the first, and a host of neither (a Mailbox server without the Edge
 * role key) stays of neither, so a scenario keeps its expected result when a reused check runs it.
 */
public final class PlatformSwap {
  private PlatformSwap() {}

  public static HostData swap(HostData host, Platform a, Platform b) {
    Map<String, Map<String, PsValue>> registry = new LinkedHashMap<>();
    host.registry().forEach((k, v) -> registry.put(k, new LinkedHashMap<>(v)));
    for (Platform.RegistryFact fa : a.facts()) {
      for (Platform.RegistryFact fb : b.facts()) {
        if (!fa.hive().equals(fb.hive()) || !fa.key().equalsIgnoreCase(fb.key()) || !fa.name().equalsIgnoreCase(fb.name())) continue;
        if (fa.expected() == null || fb.expected() == null || fa.expected().equals(fb.expected())) continue;
        for (Map.Entry<String, Map<String, PsValue>> key : registry.entrySet()) {
          if (!key.getKey().equalsIgnoreCase(path(fa)) && !key.getKey().equalsIgnoreCase(fa.hive() + "\\" + fa.key())) continue;
          for (Map.Entry<String, PsValue> v : key.getValue().entrySet()) {
            if (!v.getKey().equalsIgnoreCase(fa.name())) continue;
            String text = v.getValue().ovalText();
            if (fa.expected().equals(text)) v.setValue(like(v.getValue(), fb.expected()));
            else if (fb.expected().equals(text)) v.setValue(like(v.getValue(), fa.expected()));
          }
        }
      }
    }
    return new HostData(host.source(), host.facts(), host.cmdlets(), registry, host.services(), host.folderRights());
  }

  /** How host data names a registry key: "HKLM\SOFTWARE\...". */
  private static String path(Platform.RegistryFact f) {
    String hive = switch (f.hive()) {
      case "HKEY_LOCAL_MACHINE" -> "HKLM";
      case "HKEY_CURRENT_USER" -> "HKCU";
      case "HKEY_CLASSES_ROOT" -> "HKCR";
      case "HKEY_USERS" -> "HKU";
      default -> f.hive();
    };
    return hive + "\\" + f.key();
  }

  private static PsValue like(PsValue old, String text) {
    return old instanceof PsValue.Int ? new PsValue.Int(Long.parseLong(text)) : new PsValue.Text(text);
  }
}
