package dev.stigsmith.oval.probe;

import dev.stigsmith.hostdata.HostData;
import dev.stigsmith.oval.model.Flag;
import dev.stigsmith.oval.model.Item;
import dev.stigsmith.oval.model.ItemEntity;
import dev.stigsmith.oval.model.OvalNs;
import dev.stigsmith.oval.model.OvalObject;
import java.util.List;
import java.util.Locale;

/** {@code ind-def:family_object}: "windows" when the host's OS name says Windows. */
final class FamilyCollector implements ObjectCollector {
  @Override
  public String description() {
    return "OS family (windows when the host facts name a Windows OS)";
  }

  @Override
  public Collected collect(OvalObject object, HostData host, EntityMatcher matcher) {
    String os = host.facts() == null ? null : host.facts().osName();
    if (os == null || !os.toLowerCase(Locale.ROOT).contains("windows")) {
      return Collected.of(Flag.DOES_NOT_EXIST, "host OS is not known to be Windows: " + os);
    }
    Item item = new Item(0, OvalNs.SC + "#independent", "family_item", ItemEntity.EXISTS,
        List.of(ItemEntity.string("family", "windows")));
    return Collected.items(List.of(item), List.of());
  }
}
