// Usage: node parse.cjs SCRIPT.ps1...
// Prints {"SCRIPT.ps1": {"errors": ["line:col: ..."], "commands": ["Verb-Noun", ...]}, ...} for the
// stigsmith tests; one run for all files, as loading the grammar is the slow part.
// The WebAssembly grammar needs no native build, so `npm ci --ignore-scripts` is enough.
'use strict';
// Baseline-compiled WebAssembly only: optimising the 1 MB grammar in the background holds node's
// exit for seconds, longer than the whole parse.
require('v8').setFlagsFromString('--liftoff-only');
const fs = require('fs');
const { Parser, Language } = require('web-tree-sitter');

async function main(files) {
  await Parser.init();
  const language = await Language.load(require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm'));
  const parser = new Parser();
  parser.setLanguage(language);
  const out = {};
  for (const file of files) out[file] = parse(parser, file);
  process.stdout.write(JSON.stringify(out) + '\n');
}

function parse(parser, file) {
  const tree = parser.parse(fs.readFileSync(file, 'utf8'));
  const errors = [];
  const commands = new Set();
  const visit = (node) => {
    const at = `${node.startPosition.row + 1}:${node.startPosition.column + 1}`;
    if (node.isMissing) errors.push(`${at}: missing ${node.type}`);
    else if (node.isError) errors.push(`${at}: syntax error near ${JSON.stringify(node.text.slice(0, 40))}`);
    if (node.type === 'command_name') commands.add(node.text);
    for (const child of node.children) visit(child);
  };
  visit(tree.rootNode);
  return { errors, commands: [...commands].sort() };
}

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(2);
});
