package dev.stigsmith.hostdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input ends in one line naming the file and where in it. */
class BadHostDataTest {
  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  private String message(Path input) {
    HostDataException e = catchThrowableOfType(HostDataException.class, () -> HostDataReader.read(input));
    assertThat(e).as("expected a HostDataException for " + input).isNotNull();
    assertThat(e.getMessage()).doesNotContain("\n").startsWith(input.toString());
    return e.getMessage();
  }

  private static final String COLLECTOR_HEAD = """
      {
        "format": "stigsmith-hostdata",
        "version": 1,
        "host": { "hostName": "EDGE01" },
        "cmdlets": {
          "Get-SendConnector": {
            "command": "Get-SendConnector",
            "ok": true,
            "error": null,
            "objects": [
              {
                "Name": "Outbound",
      """;

  @Test
  void wrongTypeInCollectorJsonNamesPathAndLine() throws Exception {
    Path f = write("edge.json", COLLECTOR_HEAD + """
                "RequireTLS": "maybe"
              }
            ]
          }
        }
      }
      """);
    assertThat(message(f)).isEqualTo(
        f + ":13: $.cmdlets.Get-SendConnector.objects[0].RequireTLS: expected true or false, got \"maybe\"");
  }

  /** A property value of a type the format has no place for: the schema names the value and what it may be. */
  @Test
  void valueOfNoFormatTypeNamesTheValue() throws Exception {
    Path number = write("number.json", COLLECTOR_HEAD + """
                "Port": 2.5
              }
            ]
          }
        }
      }
      """);
    assertThat(message(number)).startsWith(number + ":13: $.cmdlets.Get-SendConnector.objects[0].Port: ")
        .contains("number found").contains("integer").contains("(schema type)");
    Path inList = write("list.json", COLLECTOR_HEAD + """
                "SmartHosts": ["relay.example.mil", 25]
              }
            ]
          }
        }
      }
      """);
    assertThat(message(inList)).startsWith(inList + ":13: $.cmdlets.Get-SendConnector.objects[0].SmartHosts[1]: ")
        .contains("integer found, string expected");
  }

  @Test
  void unknownEnumNameInCollectorJson() throws Exception {
    Path f = write("edge.json", COLLECTOR_HEAD + """
                "TlsAuthLevel": "Strict"
              }
            ]
          }
        }
      }
      """);
    assertThat(message(f)).isEqualTo(f + ":13: $.cmdlets.Get-SendConnector.objects[0].TlsAuthLevel: "
        + "unknown TlsAuthLevel value \"Strict\" (known: EncryptionOnly=1, CertificateValidation=2, DomainValidation=3)");
  }

  @Test
  void unknownFormatVersion() throws Exception {
    Path f = write("edge.json", "{\n  \"format\": \"stigsmith-hostdata\",\n  \"version\": 2,\n  \"host\": {}\n}\n");
    assertThat(message(f)).isEqualTo(f + ":3: $.version: unsupported format version 2 (this stigsmith reads version 1)");
  }

  @Test
  void schemaViolationNamesThePath() throws Exception {
    Path f = write("edge.json", COLLECTOR_HEAD.replace("\"ok\": true", "\"ok\": \"yes\"") + """
                "RequireTLS": true
              }
            ]
          }
        }
      }
      """);
    assertThat(message(f)).startsWith(f + ":8: $.cmdlets.Get-SendConnector.ok: ").contains("boolean");
  }

  @Test
  void truncatedJson() throws Exception {
    Path f = write("edge.json", COLLECTOR_HEAD);
    assertThat(message(f)).matches(java.util.regex.Pattern.quote(f.toString()) + ":1[23]:\\d+: not valid JSON: the file ends before the JSON is complete \\(truncated\\?\\).*");
  }

  @Test
  void unknownFlagBitsInConvertToJson() throws Exception {
    Path f = write("Get-ReceiveConnector.json", "[\n  {\n    \"Name\": \"Relay\",\n    \"AuthMechanism\": 128\n  }\n]\n");
    assertThat(message(f)).isEqualTo(f + ":4: $[0].AuthMechanism: unknown AuthMechanisms flags 128 (known: None=0, Tls=1, "
        + "Integrated=2, BasicAuth=4, BasicAuthRequireTLS=8, ExchangeServer=16, ExternalAuthoritative=32)");
  }

  @Test
  void unknownEnumNumberInConvertToJson() throws Exception {
    Path f = write("Get-SendConnector.json", "{\n  \"Name\": \"Out\",\n  \"TlsAuthLevel\": 7\n}\n");
    assertThat(message(f)).startsWith(f + ":3: $.TlsAuthLevel: unknown TlsAuthLevel value 7 (known: ");
  }

  @Test
  void cmdletCannotBeIdentified() throws Exception {
    Path f = write("data.json", "[{\"Name\": \"x\", \"Colour\": \"blue\"}]");
    assertThat(message(f)).isEqualTo(f + ": cannot tell which cmdlet wrote this ConvertTo-Json output; "
        + "name the file after it, e.g. Get-SendConnector.json");
  }

  @Test
  void notHostDataAtAll() throws Exception {
    Path f = write("notes.txt", "These are my notes about the Edge server.\n");
    assertThat(message(f)).isEqualTo(f + ":1: not host data: expected JSON (collector or ConvertTo-Json), "
        + "Export-Clixml XML or Export-Csv text");
  }

  @Test
  void truncatedClixml() throws Exception {
    String full = Files.readString(SameHostEveryShapeTest.fixture("edge01/clixml/Get-SendConnector.xml"));
    Path f = write("Get-SendConnector.xml", full.substring(0, full.length() / 2));
    assertThat(message(f)).matches(java.util.regex.Pattern.quote(f.toString()) + ":\\d+:\\d+: the file ends inside an element \\(truncated\\?\\).+");
  }

  @Test
  void clixmlUnknownEnumNameNamesLineAndProperty() throws Exception {
    Path f = write("Get-SendConnector.xml", """
        <Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">
          <Obj RefId="0">
            <TN RefId="0"><T>Microsoft.Exchange.Data.Directory.SystemConfiguration.SmtpSendConnectorConfig</T></TN>
            <Props>
              <S N="Name">Out</S>
              <Obj N="TlsAuthLevel" RefId="1">
                <TN RefId="1"><T>Microsoft.Exchange.Data.TlsAuthLevel</T><T>System.Enum</T></TN>
                <ToString>Paranoid</ToString>
                <I32>9</I32>
              </Obj>
            </Props>
          </Obj>
        </Objs>
        """);
    assertThat(message(f)).startsWith(f + ":6: TlsAuthLevel: unknown TlsAuthLevel value \"Paranoid\"");
  }

  @Test
  void clixmlWithDanglingReference() throws Exception {
    Path f = write("Get-SendConnector.xml", """
        <Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">
          <Obj RefId="0">
            <TNRef RefId="4" />
          </Obj>
        </Objs>
        """);
    assertThat(message(f)).isEqualTo(f + ":3: <TNRef RefId=\"4\"> refers to no earlier <TN>");
  }

  @Test
  void xmlThatIsNotClixml() throws Exception {
    Path f = write("Get-SendConnector.xml", "<?xml version=\"1.0\"?>\n<connectors/>\n");
    assertThat(message(f)).startsWith(f + ":2: XML but not Export-Clixml output: root element <connectors>");
  }

  @Test
  void xmlWithDoctypeIsRefused() throws Exception {
    Path f = write("Get-SendConnector.xml",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE Objs [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<Objs>&x;</Objs>\n");
    assertThat(message(f)).contains("document type declaration (<!DOCTYPE ...>) is not accepted");
  }

  @Test
  void csvWithWrongTypeNamesLineAndColumn() throws Exception {
    Path f = write("Get-SendConnector.csv", "#TYPE Microsoft.Exchange.Data.Directory.SystemConfiguration.SmtpSendConnectorConfig\n"
        + "\"Name\",\"RequireTLS\"\n\"Out\",\"True\"\n\"Bad\",\"maybe\"\n");
    assertThat(message(f)).isEqualTo(f + ":4: RequireTLS: expected true or false, got \"maybe\"");
  }

  @Test
  void csvTruncatedRow() throws Exception {
    Path f = write("Get-ReceiveConnector.csv", "\"Name\",\"RequireTLS\",\"Bindings\"\n\"Relay\",\"True\"\n");
    assertThat(message(f)).isEqualTo(f + ":2: row has 2 fields but the header has 3 (truncated?)");
  }

  @Test
  void sameCmdletTwiceInAFolder() throws Exception {
    Path host = Files.createDirectories(dir.resolve("edge02"));
    Files.writeString(host.resolve("Get-SendConnector.json"), "[]");
    Files.writeString(host.resolve("send.csv"), "#TYPE Microsoft.Exchange.Data.Directory.SystemConfiguration.SmtpSendConnectorConfig\n\"Name\"\n\"x\"\n");
    assertThat(message(host)).isEqualTo(host.resolve("send.csv") + ": Get-SendConnector output given twice (also in Get-SendConnector.json)");
  }

  @Test
  void emptyFolder() throws Exception {
    Path host = Files.createDirectories(dir.resolve("empty"));
    assertThat(message(host)).startsWith(host + ": no host data files");
  }

  @Test
  void missingFile() {
    assertThat(message(dir.resolve("nope.json"))).endsWith(": no such file or folder");
  }
}
