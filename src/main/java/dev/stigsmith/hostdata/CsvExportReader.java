package dev.stigsmith.hostdata;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.stigsmith.io.SafeJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads Export-Csv output. Windows PowerShell 5.1 starts with "#TYPE full.type.Name" (PowerShell 7
 * only with -IncludeTypeInformation), then a header of property names, then one row per object,
 * every field quoted. Export-Csv writes each value's ToString(): enums by name, sizes and times as
 * shown on screen, $null as an empty field, and a collection as its .NET type name, which loses
 * its items (we then leave the property out; SmartHosts is rebuilt from SmartHostsString).
 */
final class CsvExportReader {

  private CsvExportReader() {}

  /** Cheap content test: a "#TYPE" line or a header line of comma-separated names. */
  static boolean looksLikeCsv(String text) {
    String first = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("").trim();
    return first.startsWith("#TYPE ") || first.matches("\"?[A-Za-z_][\\w ]*\"?(,\"?[A-Za-z_][\\w ]*\"?)+");
  }

  static RawExport read(Path file, String text) throws HostDataException {
    String typeName = null;
    List<String> header = null;
    List<List<String>> rows = new ArrayList<>();
    List<Integer> rowLines = new ArrayList<>();
    CsvSchema schema = CsvSchema.emptySchema().withComments();
    try (JsonParser p = SafeJson.csvMapper().reader(schema).with(CsvParser.Feature.WRAP_AS_ARRAY).createParser(text)) {
      String firstLine = text.lines().findFirst().orElse("").trim();
      if (firstLine.startsWith("#TYPE ")) typeName = firstLine.substring("#TYPE ".length()).trim();
      if (p.nextToken() != JsonToken.START_ARRAY) throw new HostDataException(file, "empty CSV file");
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.START_ARRAY) {
        // A row's own start token still reports the previous line; its first cell is exact.
        int line = -1;
        List<String> cells = new ArrayList<>();
        while ((t = p.nextToken()) == JsonToken.VALUE_STRING) {
          if (line < 0) line = p.currentTokenLocation().getLineNr();
          cells.add(p.getText());
        }
        if (t != JsonToken.END_ARRAY) throw new HostDataException(file, line, -1, null, "malformed CSV row");
        if (cells.size() == 1 && cells.get(0).isEmpty()) continue;
        if (header == null) {
          header = cells;
        } else {
          rows.add(cells);
          rowLines.add(line);
        }
      }
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
      throw new HostDataException(file, line, -1, null, "not valid CSV: " + SafeJson.plainMessage(e));
    } catch (IOException e) {
      throw new HostDataException(file, "cannot read: " + e.getMessage());
    }
    if (header == null) throw new HostDataException(file, "empty CSV file: no header line");

    String fileName = file.getFileName().toString();
    List<String> names = header;
    String cmdlet = (typeName == null ? java.util.Optional.<String>empty() : CmdletKinds.fromTypeName(typeName))
        .or(() -> CmdletKinds.fromFileName(fileName))
        .or(() -> CmdletKinds.fromProperties(names))
        .orElseThrow(() -> new HostDataException(file, CmdletKinds.notIdentified("Export-Csv output")));

    List<PsObject> objects = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      List<String> cells = rows.get(i);
      int line = rowLines.get(i);
      if (cells.size() != header.size()) {
        throw new HostDataException(file, line, -1, null,
            "row has " + cells.size() + " fields but the header has " + header.size() + " (truncated?)");
      }
      List<Map.Entry<String, JsonNode>> props = new ArrayList<>();
      for (int c = 0; c < header.size(); c++) {
        props.add(new AbstractMap.SimpleImmutableEntry<>(header.get(c), TextNode.valueOf(cells.get(c))));
      }
      objects.add(ValueNormaliser.object(props, true,
          (property, problem) -> new HostDataException(file, line, -1, property, problem)));
    }
    return new RawExport(file, cmdlet, objects);
  }
}
