// The transaction parameter always first (`npm run check`): every function, method, arrow,
// callback type and interface method in libs/**/src and apps/**/src (specs aside) that takes a
// transaction or query runner takes it as its first parameter, optional or not
// (`audit.record(tx, entry)`, `findById(undefined, id)` to run on the pool). A parameter is a
// transaction when its declared type names EntityManager or QueryRunner (alone, in a union or as a
// type argument such as `Pick<DataSource | EntityManager, 'query'>`), or a type alias or
// interface of the tree built from them, or when it is untyped and defaults to `….manager`.
// A callback parameter that receives a transaction is not one: its own parameter list is checked.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { sourceFiles } from './table-ownership.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const ROOT = join(here, '../..');

/** The type names that are a transaction wherever they appear. */
export const TX_TYPES = ['EntityManager', 'QueryRunner'];

function parse(fileName, text) {
  return ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

/** Whether a type node names a transaction type (function and object types are not looked into). */
function namesTx(type, txTypes) {
  if (!type) return false;
  if (ts.isFunctionTypeNode(type) || ts.isConstructorTypeNode(type) || ts.isTypeLiteralNode(type))
    return false;
  if (ts.isTypeReferenceNode(type)) {
    const name = ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text;
    if (txTypes.has(name)) return true;
    return (type.typeArguments ?? []).some((t) => namesTx(t, txTypes));
  }
  let found = false;
  ts.forEachChild(type, (child) => {
    if (!found && ts.isTypeNode(child)) found = namesTx(child, txTypes);
  });
  return found;
}

/** Type aliases and interfaces declared in a source that stand for a transaction. */
export function txAliases(source, txTypes = new Set(TX_TYPES)) {
  const names = [];
  const visit = (node) => {
    if (ts.isTypeAliasDeclaration(node) && namesTx(node.type, txTypes)) names.push(node.name.text);
    if (
      ts.isInterfaceDeclaration(node) &&
      (node.heritageClauses ?? []).some((h) =>
        h.types.some((t) => txTypes.has(t.expression.getText())),
      )
    )
      names.push(node.name.text);
    ts.forEachChild(node, visit);
  };
  visit(parse('aliases.ts', source));
  return names;
}

function isTxParameter(param, txTypes) {
  if (param.type) return namesTx(param.type, txTypes);
  const init = param.initializer;
  return Boolean(init && ts.isPropertyAccessExpression(init) && init.name.text === 'manager');
}

function describe(node) {
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  if (node.name && (ts.isIdentifier(node.name) || ts.isPrivateIdentifier(node.name)))
    return node.name.text;
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)))
    return parent.name.getText();
  if (parent && (ts.isPropertySignature(parent) || ts.isParameter(parent)))
    return parent.name.getText();
  return '(anonymous)';
}

/**
 * Every parameter list in a source where a transaction parameter is not first:
 * `["<line>: <function>(<parameter>) takes the transaction as parameter <n>", …]`.
 */
export function txFirstProblems(source, fileName = 'source.ts', txTypes = new Set(TX_TYPES)) {
  const file = parse(fileName, source);
  const local = new Set([...txTypes, ...txAliases(source, txTypes)]);
  const problems = [];
  const visit = (node) => {
    if (ts.isFunctionLike(node) && node.parameters) {
      const params = node.parameters.filter((p) => p.name.getText() !== 'this');
      params.forEach((param, index) => {
        if (index === 0 || !isTxParameter(param, local)) return;
        const { line } = file.getLineAndCharacterOfPosition(param.getStart(file));
        problems.push(
          `${line + 1}: ${describe(node)}(${param.name.getText()}) takes the transaction as parameter ${index + 1}`,
        );
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return problems;
}

/** The checked files of the tree at `root` (libs/**\/src and apps/**\/src, no specs, no web). */
export function checkedFiles(root) {
  return [...sourceFiles(root, 'libs'), ...sourceFiles(root, 'apps')]
    .map((f) => f.split('\\').join('/'))
    .filter((f) => /^(libs|apps)\/[^/]+\/src\//.test(f) && !f.startsWith('apps/web/'));
}

/** Every misplaced transaction parameter in the tree at `root`: `{ "<file>": [problem, …] }`. */
export function treeProblems(root) {
  const files = checkedFiles(root);
  const texts = new Map(files.map((f) => [f, readFileSync(join(root, f), 'utf8')]));
  // Aliases exported anywhere in the tree (a lib's own transaction type) count everywhere.
  const txTypes = new Set(TX_TYPES);
  for (const text of texts.values()) for (const name of txAliases(text)) txTypes.add(name);
  const problems = {};
  for (const [file, text] of texts) {
    const found = txFirstProblems(text, file, txTypes);
    if (found.length) problems[file] = found;
  }
  return problems;
}

function main() {
  const problems = treeProblems(ROOT);
  const lines = Object.entries(problems).flatMap(([file, found]) =>
    found.map((p) => `  ${file}:${p}\n`),
  );
  if (lines.length) {
    process.stderr.write(
      `tx-first: ${lines.length} parameter list(s) take the transaction after another parameter (put it first)\n${lines.join('')}`,
    );
    process.exitCode = 1;
    return;
  }
  process.stdout.write(
    `tx-first: every transaction parameter comes first (${checkedFiles(ROOT).length} files)\n`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
