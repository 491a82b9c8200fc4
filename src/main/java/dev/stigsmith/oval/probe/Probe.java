package dev.stigsmith.oval.probe;

import dev.stigsmith.hostdata.HostData;
import dev.stigsmith.hostdata.HostFacts;
import dev.stigsmith.oval.engine.OvalResult;
import dev.stigsmith.oval.engine.StateEvaluator;
import dev.stigsmith.oval.engine.VariableException;
import dev.stigsmith.oval.engine.VariableResolver;
import dev.stigsmith.oval.model.CollectedObject;
import dev.stigsmith.oval.model.Filter;
import dev.stigsmith.oval.model.Flag;
import dev.stigsmith.oval.model.Generator;
import dev.stigsmith.oval.model.Item;
import dev.stigsmith.oval.model.Message;
import dev.stigsmith.oval.model.ObjectSet;
import dev.stigsmith.oval.model.OvalDefinitions;
import dev.stigsmith.oval.model.OvalObject;
import dev.stigsmith.oval.model.OvalState;
import dev.stigsmith.oval.model.OvalTest;
import dev.stigsmith.oval.model.SystemCharacteristics;
import dev.stigsmith.oval.model.SystemInfo;
import dev.stigsmith.oval.model.Variable;
import dev.stigsmith.oval.model.Versions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds OVAL system characteristics from normalised host data for the objects a definitions
 * document's tests use. Set objects and filters are computed here with the engine's own state
 * comparison, so the engine later only reads {@code collected_objects}.
 */
public final class Probe {
  private final OvalDefinitions defs;
  private final HostData host;
  private final ItemStore store = new ItemStore();
  private final Map<String, Collected> done = new LinkedHashMap<>();
  private final Set<String> inProgress = new HashSet<>();
  private final StateEvaluator states;
  private final EntityMatcher matcher;

  private Probe(OvalDefinitions defs, HostData host, Map<String, List<String>> externalVars) {
    this.defs = defs;
    this.host = host;
    VariableResolver vars = new VariableResolver(defs, externalVars, id -> collect(id).items());
    this.states = new StateEvaluator(vars);
    this.matcher = new EntityMatcher(vars);
  }

  public static SystemCharacteristics collect(
      OvalDefinitions defs, HostData host, Map<String, List<String>> externalVars, Instant timestamp) {
    Probe p = new Probe(defs, host, externalVars);
    for (OvalTest t : defs.tests()) {
      if (t.objectRef() != null) p.collect(t.objectRef());
    }
    // States compare with variables that read other objects (e.g. the global MaxSendSize): the engine
    // finds those items only through collected_objects, so collect them too.
    for (Variable v : defs.variables()) {
      if (v instanceof Variable.Local l) objectRefs(l.component()).forEach(p::collect);
    }
    List<CollectedObject> objects = new ArrayList<>();
    for (OvalObject o : defs.objects()) {
      Collected c = p.done.get(o.id());
      if (c == null) continue;
      objects.add(new CollectedObject(o.id(), o.version(), c.flag(), c.messages(), c.variableValues(),
          c.items().stream().map(Item::id).toList()));
    }
    for (String id : p.done.keySet()) {
      if (defs.object(id).isEmpty()) {
        Collected c = p.done.get(id);
        objects.add(new CollectedObject(id, "1", c.flag(), c.messages(), List.of(), List.of()));
      }
    }
    return new SystemCharacteristics(
        Generator.stigsmith(Versions.product(), timestamp), systemInfo(host.facts()), objects, p.store.all());
  }

  /** Objects a variable component reads, through functions (concat, substring, regex_capture). */
  private static List<String> objectRefs(Variable.Component c) {
    if (c instanceof Variable.ObjectComponent oc) return List.of(oc.objectRef());
    if (c instanceof Variable.Concat cc) return cc.parts().stream().flatMap(p -> objectRefs(p).stream()).toList();
    if (c instanceof Variable.Substring ss) return objectRefs(ss.of());
    if (c instanceof Variable.RegexCapture rc) return objectRefs(rc.of());
    return List.of();
  }

  private Collected collect(String objectId) {
    Collected c = done.get(objectId);
    if (c != null) return c;
    if (!inProgress.add(objectId)) return Collected.of(Flag.ERROR, "object " + objectId + " refers to itself");
    try {
      OvalObject o = defs.object(objectId).orElse(null);
      if (o == null) {
        c = Collected.of(Flag.ERROR, "object " + objectId + " is not defined");
      } else if (o.set() != null) {
        c = set(o.set());
      } else {
        c = basic(o);
      }
      c = c.withItems(c.flag(), c.items().stream().map(store::add).toList());
      done.put(objectId, c);
      return c;
    } finally {
      inProgress.remove(objectId);
    }
  }

  private Collected basic(OvalObject o) {
    ObjectCollector collector = SupportedObjects.collector(o.family(), o.type()).orElse(null);
    if (collector == null) {
      return Collected.of(Flag.NOT_COLLECTED, o.family() + ":" + o.type() + " is not supported by this probe");
    }
    Collected c;
    matcher.drainUsed();
    try {
      c = collector.collect(o, host, matcher);
    } catch (VariableException e) {
      // A variable read from data that was not collected, or whose collection failed, leaves this
      // object in the same state, for the same reason (e.g. "Get-TransportService failed: …").
      Collected source = e.emptyObject() == null ? null : done.get(e.emptyObject());
      if (source != null && (source.flag() == Flag.NOT_COLLECTED || source.flag() == Flag.ERROR)) {
        return Collected.of(source.flag(), source.messages().stream().map(Message::text).findFirst().orElse(e.getMessage()));
      }
      return Collected.of(Flag.ERROR, o.id() + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      return Collected.of(Flag.ERROR, o.id() + ": " + e.getMessage());
    }
    return filter(c, o.filters());
  }

  private Collected set(ObjectSet set) {
    List<Collected> operands = new ArrayList<>();
    for (String ref : set.objectRefs()) operands.add(filter(collect(ref), set.filters()));
    for (ObjectSet nested : set.sets()) operands.add(set(nested));
    List<Message> messages = new ArrayList<>();
    operands.forEach(o -> messages.addAll(o.messages()));
    for (Flag bad : List.of(Flag.ERROR, Flag.NOT_COLLECTED, Flag.NOT_APPLICABLE)) {
      if (operands.stream().anyMatch(o -> o.flag() == bad)) return new Collected(bad, List.of(), messages, List.of());
    }
    LinkedHashSet<Item> result = new LinkedHashSet<>(operands.isEmpty() ? List.of() : operands.get(0).items());
    for (Collected other : operands.subList(Math.min(1, operands.size()), operands.size())) {
      switch (set.setOperator()) {
        case "INTERSECTION" -> result.retainAll(new HashSet<>(other.items()));
        case "COMPLEMENT" -> other.items().forEach(result::remove);
        default -> result.addAll(other.items());
      }
    }
    boolean incomplete = operands.stream().anyMatch(o -> o.flag() == Flag.INCOMPLETE);
    Flag flag = incomplete ? Flag.INCOMPLETE : result.isEmpty() ? Flag.DOES_NOT_EXIST : Flag.COMPLETE;
    return new Collected(flag, List.copyOf(result), messages, List.of());
  }

  /** Keeps or drops items by state; an item whose comparison errs is kept and the object marked incomplete. */
  private Collected filter(Collected c, List<Filter> filters) {
    if (filters.isEmpty() || c.items().isEmpty()) return c;
    List<Item> kept = new ArrayList<>(c.items());
    boolean doubtful = false;
    for (Filter f : filters) {
      OvalState state = defs.state(f.stateRef()).orElse(null);
      if (state == null) return Collected.of(Flag.ERROR, "filter state " + f.stateRef() + " is not defined");
      List<Item> next = new ArrayList<>();
      for (Item i : kept) {
        OvalResult r = states.evaluate(state, i).result();
        if (r != OvalResult.TRUE && r != OvalResult.FALSE) doubtful = true;
        boolean matches = r == OvalResult.TRUE;
        if (matches != f.excludes()) next.add(i);
      }
      kept = next;
    }
    Flag flag = doubtful ? Flag.INCOMPLETE
        : kept.isEmpty() ? Flag.DOES_NOT_EXIST
        : c.flag() == Flag.DOES_NOT_EXIST ? Flag.COMPLETE : c.flag();
    return c.withItems(flag, kept);
  }

  static SystemInfo systemInfo(HostFacts f) {
    if (f == null) f = HostFacts.unknown(null);
    List<String> ips = new ArrayList<>(f.ipv4());
    ips.addAll(f.ipv6());
    List<SystemInfo.NetInterface> ifs = new ArrayList<>();
    int n = Math.max(ips.size(), f.macAddresses().size());
    for (int i = 0; i < n; i++) {
      ifs.add(new SystemInfo.NetInterface("interface" + (i + 1),
          i < ips.size() ? ips.get(i) : "", i < f.macAddresses().size() ? f.macAddresses().get(i) : ""));
    }
    String host = f.fqdn() != null ? f.fqdn() : f.hostName();
    return new SystemInfo(known(f.osName()), known(f.osVersion()), known(f.architecture()), known(host), ifs);
  }

  private static String known(String s) {
    return s == null || s.isBlank() ? "unknown" : s;
  }
}
