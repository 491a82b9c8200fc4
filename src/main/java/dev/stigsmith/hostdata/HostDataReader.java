package dev.stigsmith.hostdata;

import dev.stigsmith.io.InputFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads what was collected on one host into {@link HostData}, whatever shape it came in: our
 * collector's JSON, raw {@code ConvertTo-Json}, {@code Export-Clixml} or {@code Export-Csv} output,
 * or a folder of such files (one per cmdlet, plus at most one collector JSON for host facts). The
 * shape is told from the content, never from the extension alone.
 */
public final class HostDataReader {
  /** Extensions considered when reading a folder; other files (notes, logs) are skipped. */
  private static final List<String> FOLDER_EXTENSIONS = List.of("json", "xml", "clixml", "csv", "txt");

  private HostDataReader() {}

  /** The shapes we can read. */
  public enum Shape { COLLECTOR_JSON, CONVERTTO_JSON, CLIXML, CSV }

  public static HostData read(Path fileOrFolder) throws HostDataException {
    if (Files.isDirectory(fileOrFolder)) return readFolder(fileOrFolder);
    if (!Files.isRegularFile(fileOrFolder)) throw new HostDataException(fileOrFolder, "no such file or folder");
    FileResult r = readFile(fileOrFolder);
    if (r.hostData != null) return r.hostData;
    return assemble(fileOrFolder, null, List.of(r.raw));
  }

  /** The shape of one file, judged from its content. */
  public static Shape detect(Path file) throws HostDataException {
    return detect(file, decode(file, bytes(file)));
  }

  private record FileResult(HostData hostData, RawExport raw) {}

  private static FileResult readFile(Path file) throws HostDataException {
    byte[] bytes = bytes(file);
    String text = decode(file, bytes);
    return switch (detect(file, text)) {
      case COLLECTOR_JSON -> new FileResult(CollectorJsonReader.read(JsonSource.parse(file, text)), null);
      case CONVERTTO_JSON -> {
        if (text.isBlank()) yield new FileResult(null, emptyExport(file));
        yield new FileResult(null, ConvertToJsonReader.read(JsonSource.parse(file, text)));
      }
      case CLIXML -> new FileResult(null, ClixmlReader.read(file, bytes));
      case CSV -> new FileResult(null, CsvExportReader.read(file, text));
    };
  }

  /** Our collector's files begin so; a fleet run asks this of every host file, so no copy of the text. */
  private static final java.util.regex.Pattern FORMAT_FIRST = java.util.regex.Pattern.compile("\\{\\s*\"format\"\\s*:");

  private static Shape detect(Path file, String text) throws HostDataException {
    int start = 0;
    while (start < text.length() && Character.isWhitespace(text.charAt(start))) start++;
    if (start == text.length()) {
      // ConvertTo-Json of a cmdlet that returned nothing writes nothing at all.
      if (CmdletKinds.fromFileName(file.getFileName().toString()).isPresent()) return Shape.CONVERTTO_JSON;
      throw new HostDataException(file, "empty file");
    }
    char c = text.charAt(start);
    if (c == '{' || c == '[') {
      return FORMAT_FIRST.matcher(text).region(start, text.length()).lookingAt() || declaresFormatSomewhere(file, text)
          ? Shape.COLLECTOR_JSON : Shape.CONVERTTO_JSON;
    }
    if (c == '<') return Shape.CLIXML;
    if (CsvExportReader.looksLikeCsv(text)) return Shape.CSV;
    throw new HostDataException(file, 1, -1, null,
        "not host data: expected JSON (collector or ConvertTo-Json), Export-Clixml XML or Export-Csv text");
  }

  /** "format" need not come first; parse only when a top-level object might hold it. */
  private static boolean declaresFormatSomewhere(Path file, String text) {
    if (!text.contains("\"format\"")) return false;
    try {
      return CollectorJsonReader.declaresFormat(dev.stigsmith.io.SafeJson.mapper().readTree(text));
    } catch (IOException e) {
      return false; // the real read reports the syntax error with its line
    }
  }

  private static RawExport emptyExport(Path file) {
    return new RawExport(file, CmdletKinds.fromFileName(file.getFileName().toString()).orElseThrow(), List.of());
  }

  private static HostData readFolder(Path folder) throws HostDataException {
    List<Path> files;
    try (Stream<Path> s = Files.list(folder)) {
      files = s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> FOLDER_EXTENSIONS.contains(extension(p)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new HostDataException(folder, "cannot list folder: " + e.getMessage());
    }
    if (files.isEmpty()) {
      throw new HostDataException(folder, "no host data files (*.json, *.xml, *.clixml, *.csv, *.txt) in folder");
    }
    HostData collector = null;
    Path collectorFile = null;
    List<RawExport> raws = new ArrayList<>();
    for (Path f : files) {
      FileResult r = readFile(f);
      if (r.hostData != null) {
        if (collector != null) {
          throw new HostDataException(f, "a second collector file in one host's folder (the first is "
              + collectorFile.getFileName() + ")");
        }
        collector = r.hostData;
        collectorFile = f;
      } else {
        raws.add(r.raw);
      }
    }
    return assemble(folder, collector, raws);
  }

  /** One HostData from an optional collector file plus raw exports; a cmdlet may come from only one file. */
  private static HostData assemble(Path source, HostData collector, List<RawExport> raws) throws HostDataException {
    Map<String, CmdletOutput> cmdlets = new LinkedHashMap<>();
    Map<String, Path> from = new LinkedHashMap<>();
    if (collector != null) {
      for (CmdletOutput c : collector.cmdlets().values()) {
        cmdlets.put(c.cmdlet().toLowerCase(Locale.ROOT), c);
        from.put(c.cmdlet().toLowerCase(Locale.ROOT), Path.of(collector.source()));
      }
    }
    for (RawExport raw : raws) {
      String key = raw.cmdlet().toLowerCase(Locale.ROOT);
      if (cmdlets.containsKey(key)) {
        throw new HostDataException(raw.file(), raw.cmdlet() + " output given twice (also in "
            + from.get(key).getFileName() + ")");
      }
      cmdlets.put(key, new CmdletOutput(raw.cmdlet(), raw.objects(), null));
      from.put(key, raw.file());
    }
    Map<String, CmdletOutput> byName = new LinkedHashMap<>();
    cmdlets.values().forEach(c -> byName.put(c.cmdlet(), c));
    HostFacts facts = collector != null ? collector.facts() : factsFromData(source, raws);
    Map<String, Map<String, PsValue>> registry = collector != null ? collector.registry() : Map.of();
    return new HostData(source.toString(), facts, byName, registry,
        collector != null ? collector.services() : null, collector != null ? collector.folderRights() : null,
        collector != null ? collector.xmlFiles() : null);
  }

  /**
   * Raw exports say little about the host: the remote session's PSComputerName, a receive
   * connector's Server, a send connector's SourceTransportServers, or the OriginatingServer (a
   * domain controller on a Mailbox server, the Edge itself on Edge) — else the file or folder name.
   */
  static HostFacts factsFromData(Path source, List<RawExport> raws) {
    List<RawExport> sorted = new ArrayList<>(raws);
    sorted.sort((a, b) -> a.cmdlet().compareToIgnoreCase(b.cmdlet()));
    for (String property : List.of("PSComputerName", "Server", "SourceTransportServers", "OriginatingServer")) {
      for (RawExport raw : sorted) {
        for (PsObject o : raw.objects()) {
          Optional<String> name = o.get(property).flatMap(HostDataReader::firstText);
          if (name.isPresent()) return factsFor(name.get());
        }
      }
    }
    String name = Files.isDirectory(source)
        ? source.getFileName().toString()
        : CmdletKinds.hostPartOfFileName(source.getFileName().toString());
    if (name.isEmpty() && source.toAbsolutePath().getParent() != null) {
      name = source.toAbsolutePath().getParent().getFileName().toString();
    }
    return HostFacts.unknown(name);
  }

  private static Optional<String> firstText(PsValue v) {
    String s = v instanceof PsValue.TextList l ? (l.values().isEmpty() ? null : l.values().get(0)) : v.ovalText();
    return Optional.ofNullable(s).map(String::trim).filter(x -> !x.isEmpty());
  }

  private static HostFacts factsFor(String name) {
    boolean dotted = name.contains(".") && !name.matches("[\\d.]+") && !name.contains(":");
    if (!dotted) return HostFacts.unknown(name);
    HostFacts u = HostFacts.unknown(name.substring(0, name.indexOf('.')));
    return new HostFacts(u.hostName(), name, List.of(), List.of(), List.of(), null, null, null, null, List.of());
  }

  private static String extension(Path p) {
    String n = p.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static byte[] bytes(Path file) throws HostDataException {
    try {
      return InputFiles.read(file);
    } catch (IOException e) {
      throw new HostDataException(file, InputFiles.problem(e));
    }
  }

  /**
   * Windows PowerShell writes UTF-16LE with a BOM (Out-File, Export-Clixml), UTF-8 with or without
   * BOM, or the ANSI code page (Export-Csv, Set-Content); PowerShell 7 writes UTF-8.
   */
  static String decode(Path file, byte[] b) throws HostDataException {
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      return strict(file, b, 3, StandardCharsets.UTF_8);
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) return strict(file, b, 2, StandardCharsets.UTF_16LE);
    if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) return strict(file, b, 2, StandardCharsets.UTF_16BE);
    if (b.length >= 2 && b[0] != 0 && b[1] == 0) return strict(file, b, 0, StandardCharsets.UTF_16LE);
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      return new String(b, Charset.forName("windows-1252"));
    }
  }

  private static String strict(Path file, byte[] b, int offset, Charset cs) throws HostDataException {
    try {
      return cs.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b, offset, b.length - offset)).toString();
    } catch (CharacterCodingException e) {
      throw new HostDataException(file, "not valid " + cs.name() + " text");
    }
  }
}
