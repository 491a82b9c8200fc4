package dev.stigsmith.hostdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads our collector's JSON ("format": "stigsmith-hostdata"), checked against its schema. */
final class CollectorJsonReader {
  static final String FORMAT = "stigsmith-hostdata";
  static final int VERSION = 1;
  static final String SCHEMA_RESOURCE = "/schemas/hostdata/stigsmith-hostdata-1.schema.json";

  private CollectorJsonReader() {}

  /** Our format declares itself; a ConvertTo-Json object has no "format" member. */
  static boolean declaresFormat(JsonNode root) {
    return root.isObject() && root.has("format");
  }

  static HostData read(JsonSource src) throws HostDataException {
    JsonNode root = src.root;
    JsonNode format = root.path("format");
    if (!format.isTextual() || !format.textValue().equals(FORMAT)) {
      throw src.error("/format", "unknown format " + format + " (expected \"" + FORMAT + "\")");
    }
    JsonNode version = root.path("version");
    if (!version.isIntegralNumber() || version.intValue() != VERSION) {
      throw src.error("/version", "unsupported format version " + version + " (this stigsmith reads version " + VERSION + ")");
    }
    validate(src);

    JsonNode host = root.get("host");
    JsonNode exchange = host.path("exchange");
    HostFacts facts = new HostFacts(
        host.get("hostName").textValue(),
        textOrNull(host.get("fqdn")),
        texts(host.get("ipv4")),
        texts(host.get("ipv6")),
        texts(host.get("macAddresses")),
        textOrNull(host.get("osName")),
        textOrNull(host.get("osVersion")),
        textOrNull(host.get("architecture")),
        textOrNull(exchange.get("version")),
        texts(exchange.get("roles")));

    Map<String, Map<String, PsValue>> registry = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> key : root.path("registry").properties()) {
      Map<String, PsValue> values = new LinkedHashMap<>();
      String keyPtr = JsonSource.child("/registry", key.getKey());
      for (Map.Entry<String, JsonNode> v : key.getValue().properties()) {
        try {
          values.put(v.getKey(), ValueNormaliser.registryValue(v.getValue()));
        } catch (BadValue e) {
          throw src.error(JsonSource.child(keyPtr, v.getKey()), e.getMessage());
        }
      }
      registry.put(key.getKey(), values);
    }

    Map<String, CmdletOutput> cmdlets = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> c : root.path("cmdlets").properties()) {
      String cmdPtr = JsonSource.child("/cmdlets", c.getKey());
      JsonNode out = c.getValue();
      List<PsObject> objects = new ArrayList<>();
      int i = 0;
      for (JsonNode o : out.get("objects")) {
        String objPtr = JsonSource.child(JsonSource.child(cmdPtr, "objects"), i++);
        List<Map.Entry<String, JsonNode>> props = new ArrayList<>(o.properties());
        objects.add(ValueNormaliser.object(props, false,
            (property, problem) -> src.error(JsonSource.child(objPtr, property), problem)));
      }
      String error = out.get("ok").booleanValue() ? null : out.get("error").textValue();
      cmdlets.put(c.getKey(), new CmdletOutput(c.getKey(), objects, error));
    }
    Map<String, HostData.WindowsService> services = null;
    if (root.has("services")) {
      services = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> sv : root.get("services").properties()) {
        JsonNode n = sv.getValue();
        services.put(sv.getKey(), new HostData.WindowsService(sv.getKey(), textOrNull(n.get("displayName")),
            textOrNull(n.get("startMode")), textOrNull(n.get("state")), textOrNull(n.get("startName")),
            textOrNull(n.get("path")), textOrNull(n.get("serviceType"))));
      }
    }
    Map<String, List<HostData.TrusteeRights>> folders = null;
    if (root.has("folderRights")) {
      folders = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> f : root.get("folderRights").properties()) {
        List<HostData.TrusteeRights> trustees = new ArrayList<>();
        for (Map.Entry<String, JsonNode> t : f.getValue().properties()) {
          trustees.add(new HostData.TrusteeRights(t.getKey(), textOrNull(t.getValue().get("name")),
              t.getValue().get("rights").longValue()));
        }
        folders.put(f.getKey(), trustees);
      }
    }
    Map<String, String> xml = null;
    if (root.has("xmlFiles")) {
      xml = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> f : root.get("xmlFiles").properties()) xml.put(f.getKey(), f.getValue().textValue());
    }
    return new HostData(src.file.toString(), facts, cmdlets, registry, services, folders, xml);
  }

  private static void validate(JsonSource src) throws HostDataException {
    Set<ValidationMessage> messages = Schema.INSTANCE.validate(src.root);
    if (messages.isEmpty()) return;
    ValidationMessage first = messages.stream()
        .min(Comparator.comparing((ValidationMessage m) -> pointer(m.getInstanceLocation()))
            .thenComparing(ValidationMessage::getMessage))
        .orElseThrow();
    String problem = first.getError() != null ? first.getError() : first.getMessage();
    throw src.error(pointer(first.getInstanceLocation()), problem + " (schema " + first.getType() + ")");
  }

  private static String pointer(JsonNodePath path) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object e = path.getElement(i);
      if (e instanceof Integer n) sb.append('/').append(n);
      else sb.append('/').append(String.valueOf(e).replace("~", "~0").replace("/", "~1"));
    }
    return sb.toString();
  }

  private static String textOrNull(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  private static List<String> texts(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n != null && n.isArray()) n.forEach(e -> out.add(e.asText()));
    return out;
  }

  /** Loaded once from the jar: the schema file in schemas/hostdata is copied there by the build. */
  private static final class Schema {
    static final JsonSchema INSTANCE = load();

    private static JsonSchema load() {
      try (InputStream in = CollectorJsonReader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
        if (in == null) throw new IllegalStateException("missing resource " + SCHEMA_RESOURCE);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
