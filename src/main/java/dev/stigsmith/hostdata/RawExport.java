package dev.stigsmith.hostdata;

import java.nio.file.Path;
import java.util.List;

/** One raw export file (ConvertTo-Json, Export-Clixml, Export-Csv) read and normalised. */
record RawExport(Path file, String cmdlet, List<PsObject> objects) {
  RawExport {
    objects = List.copyOf(objects);
  }
}
