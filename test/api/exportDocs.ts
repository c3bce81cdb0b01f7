/**
 * Which exports of the package entry (`src/index.ts`) have no TSDoc at
 * their definition, found with the TypeScript compiler API: each export is
 * followed through re-exports to the declaration it names, and counts as
 * documented when that declaration carries a doc comment.
 */
import ts from 'typescript';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../../src/index.ts', import.meta.url));

/** One export of the entry and where it is defined. */
export interface ExportDoc {
  readonly name: string;
  readonly file: string;
  readonly documented: boolean;
}

/** Every export of `src/index.ts`, with whether its definition is documented. */
export function exportDocs(): ExportDoc[] {
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    jsx: ts.JsxEmit.ReactJSX,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (source === undefined) throw new Error(`cannot read ${entry}`);
  const module = checker.getSymbolAtLocation(source);
  if (module === undefined) throw new Error('src/index.ts is not a module');
  return checker.getExportsOfModule(module).map((exported) => {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declarations = symbol.declarations ?? [];
    const documented =
      symbol.getDocumentationComment(checker).some((part) => part.text.trim() !== '') ||
      declarations.some((d) => ts.getJSDocCommentsAndTags(d).length > 0);
    const file = declarations[0]?.getSourceFile().fileName ?? '?';
    return { name: exported.name, file: file.slice(file.indexOf('/src/') + 1), documented };
  });
}
