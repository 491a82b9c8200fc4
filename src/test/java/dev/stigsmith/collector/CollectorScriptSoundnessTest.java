package dev.stigsmith.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stigsmith.collector.PsLexer.Kind;
import dev.stigsmith.collector.PsLexer.Token;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Static soundness of the collector, which cannot be run here: it lexes cleanly (brackets balanced
 * outside strings and comments, strings and here-strings closed), invokes only read-only commands,
 * carries comment-based help for every parameter, and has the expected header.
 */
class CollectorScriptSoundnessTest {
  /** Verbs whose cmdlets only read or reshape data in the pipeline. */
  static final Set<String> READ_ONLY_VERBS = Set.of("Get", "Test", "Select", "Sort", "Where", "ForEach", "Measure",
      "ConvertTo", "ConvertFrom", "Join", "Split", "Resolve", "Format");

  /** Commands with another verb the script may call, and why each changes nothing on the server. */
  static final Map<String, String> ALLOWED_COMMANDS = Map.of(
      "Write-Verbose", "writes to the verbose stream only",
      "Write-Warning", "writes to the warning stream only",
      "Add-PSSnapin", "loads the Exchange snap-in into this PowerShell session only (Edge Transport servers)",
      "Use-ExchangeSnapIn", "the script's own function around Add-PSSnapin");

  /** .NET methods that change something; the script may call them only to write its own output file. */
  static final Set<String> MUTATING_METHODS = Set.of("WriteAllText", "WriteAllBytes", "WriteAllLines", "AppendAllText",
      "Move", "Replace", "Copy", "Delete", "Create", "CreateSubKey", "DeleteSubKey", "DeleteSubKeyTree", "DeleteValue",
      "SetValue", "SetAccessControl", "Kill", "Start", "InvokeMethod");
  static final Set<String> OUTPUT_FILE_METHODS = Set.of("WriteAllText", "Replace", "Move");

  private static final Pattern COMMAND = Pattern.compile("[A-Za-z]+-[A-Za-z][A-Za-z0-9]*");

  static String text;
  static List<Token> tokens;

  @BeforeAll
  static void lex() throws Exception {
    text = Files.readString(CollectorScript.PATH, StandardCharsets.UTF_8);
    tokens = PsLexer.tokens(text);
  }

  @Test
  void isUtf8WithoutBomOrNonAsciiSurprises() throws Exception {
    byte[] bytes = Files.readAllBytes(CollectorScript.PATH);
    // Windows PowerShell 5.1 reads a BOM-less script as the ANSI code page: keep it ASCII.
    for (int i = 0; i < bytes.length; i++) {
      assertThat(bytes[i] & 0xff).as("byte %d is not ASCII", i).isLessThan(0x80);
    }
  }

  @Test
  void startsWithRequiresThenHelpThenCmdletBindingAndParam() {
    List<Token> code = new ArrayList<>(tokens.stream().filter(t -> t.kind() != Kind.COMMENT).toList());
    assertThat(text.lines().findFirst().orElse("")).isEqualTo("#Requires -Version 5.1");
    assertThat(code.subList(0, 7).stream().map(Token::text).toList())
        .containsExactly("[", "CmdletBinding", "(", ")", "]", "param", "(");
    assertThat(parameters()).containsExactly("OutFile");
  }

  @Test
  void commentBasedHelpDocumentsEveryParameter() {
    Token help = tokens.stream().filter(t -> t.kind() == Kind.COMMENT && t.text().startsWith("<#")).findFirst().orElseThrow();
    int helpIndex = tokens.indexOf(help);
    assertThat(tokens.subList(0, helpIndex)).as("only comments before the help").allMatch(t -> t.kind() == Kind.COMMENT);
    assertThat(help.text()).contains("\n.SYNOPSIS\n", "\n.DESCRIPTION\n", "\n.EXAMPLE\n", "\n.NOTES\n");
    for (String p : parameters()) assertThat(help.text()).contains("\n.PARAMETER " + p + "\n");
    assertThat(help.text()).contains("-OutFile", "-Verbose");
  }

  @Test
  void invokesOnlyReadOnlyCommands() {
    Set<String> defined = definedFunctions();
    Set<String> used = commands();
    assertThat(used).as("commands found (guards the lexer)").contains("Get-CimInstance", "ConvertTo-Json", "Add-PSSnapin");
    List<String> bad = new ArrayList<>();
    for (String c : used) {
      String verb = c.substring(0, c.indexOf('-'));
      if (!defined.contains(c) && !READ_ONLY_VERBS.contains(verb) && !ALLOWED_COMMANDS.containsKey(c)) bad.add(c);
    }
    assertThat(bad).as("commands that are not read-only").isEmpty();
    assertThat(defined).as("the script's own functions have read-only verbs too, or are allowed by name")
        .allSatisfy(f -> assertThat(READ_ONLY_VERBS.contains(f.substring(0, f.indexOf('-'))) || ALLOWED_COMMANDS.containsKey(f))
            .as(f).isTrue());
  }

  @Test
  void callsCmdletsByNameOnlyFromItsList() {
    // The only call operator runs an entry of $Cmdlets, whose names are Get-* (CollectorCoversContentTest).
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind() == Kind.PUNCT && t.text().equals("&") && !(i > 0 && tokens.get(i - 1).text().equals("&"))) {
        assertThat(tokens.get(i + 1).text() + tokens.get(i + 2).text()).as("line " + t.line()).isEqualTo("$Cmdlet.Name");
      }
    }
    assertThat(text.toLowerCase(Locale.ROOT)).doesNotContain("invoke-expression").doesNotContain("iex ")
        .doesNotContain("scriptblock]::create").doesNotContain("invoke-command");
  }

  @Test
  void changesNothingButItsOutputFile() {
    Set<String> mutating = new TreeSet<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind() != Kind.WORD || !(t.text().startsWith("::") || t.text().startsWith("."))) continue;
      String method = t.text().replaceFirst("^(::|\\.)", "");
      if (!MUTATING_METHODS.contains(method)) continue;
      mutating.add(method);
      assertThat(tokens.get(i - 2).text()).as(method + " on line " + t.line()).isEqualTo("IO.File");
    }
    assertThat(mutating).isEqualTo(OUTPUT_FILE_METHODS);
    // Registry keys are opened read-only: OpenSubKey(name) without the "writable" argument.
    Matcher open = Pattern.compile("OpenSubKey\\(([^)]*)\\)").matcher(text);
    int opened = 0;
    while (open.find()) {
      opened++;
      assertThat(open.group(1)).doesNotContain(",");
    }
    assertThat(opened).isPositive();
    assertThat(text).contains("[IO.File]::WriteAllText($temp, $json, [Text.UTF8Encoding]::new($false))");
  }

  @Test
  void writesJsonDeepEnoughAndRecordsErrorsPerCmdlet() {
    // ConvertTo-Json cuts anything deeper than -Depth to ToString text (default 2).
    Matcher depth = Pattern.compile("ConvertTo-Json\\b[^\\n]*-Depth (\\d+)").matcher(text);
    assertThat(depth.find()).isTrue();
    assertThat(Integer.parseInt(depth.group(1))).isGreaterThanOrEqualTo(7);
    assertThat(text).contains("& $Cmdlet.Name @parameters -ErrorAction Stop").contains("ok = $true; error = $null")
        .contains("$entry.ok = $false").contains("$_.Exception.Message");
  }

  // The lexer itself catches what it is here for.

  @Test
  void lexerReportsUnbalancedBrackets() {
    assertThatThrownBy(() -> PsLexer.tokens("function f {\n  if ($x) { 'a' \n}\n")).hasMessage("line 1: '{' is never closed");
    assertThatThrownBy(() -> PsLexer.tokens("$a = @(1, 2}\n")).hasMessage("line 1: '}' closes '(' opened on line 1");
    assertThatThrownBy(() -> PsLexer.tokens("}\n")).hasMessage("line 1: '}' closes nothing");
  }

  @Test
  void lexerIgnoresBracketsInStringsAndComments() throws Exception {
    assertThat(PsLexer.tokens("$a = '{(' # ) }\n<# ]] #>\n$b = \"}`\"\" + @'\n)\n'@\n")).isNotEmpty();
  }

  @Test
  void lexerReportsUnclosedStringsAndHereStrings() {
    assertThatThrownBy(() -> PsLexer.tokens("$a = @\"\nfoo\n \"@\n")).hasMessageContaining("line 1: here-string @\" is never closed");
    assertThatThrownBy(() -> PsLexer.tokens("$a = 'foo\n")).hasMessage("line 1: string ' is never closed");
    assertThatThrownBy(() -> PsLexer.tokens("$a = \"$(Get-Date\"\n")).isInstanceOf(PsLexer.SyntaxError.class);
    assertThatThrownBy(() -> PsLexer.tokens("<# help\n")).hasMessage("line 1: '<#' comment is never closed");
  }

  @Test
  void lexerFindsCommandsInsideSubexpressionsButNotInStrings() throws Exception {
    List<Token> t = PsLexer.tokens("Write-Verbose \"x $(Set-Item -Path a) 'Remove-Item'\"\n'Clear-Item'\n# Stop-Service\n");
    assertThat(commandsOf(t)).containsExactly("Set-Item", "Write-Verbose");
  }

  private static Set<String> commands() {
    return commandsOf(tokens);
  }

  private static Set<String> commandsOf(List<Token> list) {
    Set<String> out = new TreeSet<>();
    for (Token t : list) if (t.kind() == Kind.WORD && COMMAND.matcher(t.text()).matches()) out.add(t.text());
    return out;
  }

  private static Set<String> definedFunctions() {
    Set<String> out = new TreeSet<>();
    for (int i = 0; i + 1 < tokens.size(); i++) {
      if (tokens.get(i).kind() == Kind.WORD && tokens.get(i).text().equalsIgnoreCase("function")) out.add(tokens.get(i + 1).text());
    }
    return out;
  }

  /** Variables directly inside the script's param( … ). */
  private static List<String> parameters() {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (!(tokens.get(i).kind() == Kind.WORD && tokens.get(i).text().equalsIgnoreCase("param"))) i++;
    Token open = tokens.get(++i);
    for (i++; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind() == Kind.CLOSE && t.depth() == open.depth()) break;
      if (t.kind() == Kind.VARIABLE && t.depth() == open.depth() + 1) out.add(t.text().substring(1));
    }
    return out;
  }
}
