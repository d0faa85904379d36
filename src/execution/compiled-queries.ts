import { BREAK, getOperationAST, Kind, visit, type DocumentNode, type GraphQLSchema, type SelectionSetNode } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

export interface CompiledQueriesOptions {
  /** How many operations (query text and operation name) are remembered; the least recently run goes first. */
  max: number;
  /**
   * Runs of an operation through graphql-js before it is compiled. Compiling costs more than running
   * an operation once, so an operation sent only once (a hand-written query, a caller sending a new
   * text each time) is never compiled; the explorer's, the CLI's and scripts' operations repeat.
   */
  compileAfter: number;
  /**
   * Most fields (fragments expanded) of an operation that is compiled: graphql-jit writes about 2 KB
   * of code per field and compiles about 10 fields a millisecond, so a larger operation runs through
   * graphql-js. The explorer's largest asks about 170.
   */
  maxFields: number;
  /** Most fields over all the compiled operations kept (their code's memory); the least recently run go first. */
  budgetFields: number;
}

export const DEFAULT_COMPILED_QUERIES: CompiledQueriesOptions = { max: 500, compileAfter: 1, maxFields: 500, budgetFields: 25_000 };

interface Entry {
  runs: number;
  /** undefined: not compiled yet; null: not to be compiled, graphql-js runs it. */
  compiled: CompiledQuery | null | undefined;
  /** The operation's fields when compiled (its share of budgetFields), 0 otherwise. */
  fields: number;
}

/**
 * graphql-jit inlines the literal arguments of an operation into the code it generates, as JSON in
 * which it then replaces four marker strings (for NaN, the infinities and dates) by JavaScript: a
 * string literal that carries a date marker followed by code would run that code (graphql-jit 0.8.9,
 * `objectStringify`). All four markers start with this; an operation with it in a string runs
 * through graphql-js, which generates no code.
 */
const JIT_MARKER = '__MAGIC_';

/** Whether a string value (argument, default value or directive argument) of `document` holds the marker. */
export function hasJitMarker(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.STRING]: (node) => {
      if (!node.value.includes(JIT_MARKER)) return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}

/**
 * The fields `operationName` of `document` selects with its fragments expanded (as graphql-jit
 * compiles them), counting no further than `cap` (then cap + 1). The document is valid: no
 * fragment cycles.
 */
export function fieldsOf(document: DocumentNode, operationName: string | null | undefined, cap: number): number {
  const operation = getOperationAST(document, operationName);
  if (!operation) return cap + 1;
  const fragments = new Map<string, SelectionSetNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d.selectionSet);
  const spread = new Map<string, number>();
  const count = (set: SelectionSetNode): number => {
    let n = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) n += 1 + (sel.selectionSet ? count(sel.selectionSet) : 0);
      else if (sel.kind === Kind.INLINE_FRAGMENT) n += count(sel.selectionSet);
      else {
        const name = sel.name.value;
        if (!spread.has(name)) spread.set(name, fragments.has(name) ? count(fragments.get(name)!) : 0);
        n += spread.get(name)!;
      }
      if (n > cap) return cap + 1;
    }
    return n;
  };
  return count(operation.selectionSet);
}

/**
 * The compiled form of each operation that has run often enough, bounded (see
 * CompiledQueriesOptions). `get` returns undefined while graphql-js should run the operation: before
 * it is compiled, and for good when it is not to be compiled (too large, an operation graphql-jit
 * must not see: hasJitMarker) or graphql-jit could not compile it.
 */
export class CompiledQueries {
  private readonly entries = new Map<string, Entry>();
  private fields = 0;

  constructor(
    readonly schema: GraphQLSchema,
    private readonly options: CompiledQueriesOptions = DEFAULT_COMPILED_QUERIES,
  ) {}

  /** Counts a run of `document`'s operation `operationName`, known by `key` (its query hash and name). */
  get(key: string, document: DocumentNode, operationName: string | null | undefined): CompiledQuery | undefined {
    let entry = this.entries.get(key);
    if (entry) this.entries.delete(key);
    else entry = { runs: 0, compiled: undefined, fields: 0 };
    // Map keeps insertion order: re-inserting makes this the most recently run.
    this.entries.set(key, entry);
    if (entry.compiled === undefined && ++entry.runs > this.options.compileAfter) {
      const fields = fieldsOf(document, operationName, this.options.maxFields);
      entry.compiled = fields > this.options.maxFields ? null : this.compile(document, operationName);
      if (entry.compiled) this.fields += entry.fields = fields;
    }
    while (this.entries.size > this.options.max || this.fields > this.options.budgetFields) {
      const [oldest, dropped] = this.entries.entries().next().value!;
      this.entries.delete(oldest);
      this.fields -= dropped.fields;
    }
    return entry.compiled ?? undefined;
  }

  /** How many operations are remembered (compiled or counted). */
  get size(): number {
    return this.entries.size;
  }

  /** How many of them run compiled. */
  get compiled(): number {
    let n = 0;
    for (const entry of this.entries.values()) if (entry.compiled) n++;
    return n;
  }

  /** The fields of the compiled operations kept (at most budgetFields). */
  get compiledFields(): number {
    return this.fields;
  }

  private compile(document: DocumentNode, operationName: string | null | undefined): CompiledQuery | null {
    if (hasJitMarker(document)) return null;
    const compiled = compileQuery(this.schema, document, operationName ?? undefined);
    return isCompiledQuery(compiled) ? compiled : null;
  }
}
