/**
 * The `--fail-if` language of `mlgraph impact`: a condition on one impacted entity. Documented in
 * README.md ("CI gates") and in `mlgraph impact --help`.
 *
 *   expr   := or
 *   or     := and ("or" and)*
 *   and    := not ("and" not)*
 *   not    := "not" not | "(" expr ")" | "any" | cond
 *   cond   := field op value ("," value)*
 *   field  := type | env | platform | name | urn | status | alias | tag | degree
 *   op     := "=" | "!=" | "<" | "<=" | ">" | ">="   (the last four: degree only)
 *
 * `field=a,b` holds when the field is any of the values, `field!=a,b` when it is none of them;
 * alias and tag hold several values and match when any of them does. type, env and status compare
 * without case; `*` in a value matches any text (name=churn-*). A field an entity does not have
 * (the env of an experiment) equals nothing. Values with spaces are quoted: name='churn model'.
 */

/** What a condition can look at in one impacted entity. */
export interface GateSubject {
  urn: string;
  type: string;
  name: string;
  status: string;
  degree: number;
  env?: string;
  platform?: string;
  aliases: string[];
  tags: string[];
}

export type GateExpr =
  | { kind: 'any' }
  | { kind: 'not'; expr: GateExpr }
  | { kind: 'and' | 'or'; left: GateExpr; right: GateExpr }
  | { kind: 'cond'; field: GateField; op: Op; values: string[] };

const FIELDS = ['type', 'env', 'platform', 'name', 'urn', 'status', 'alias', 'tag', 'degree'] as const;
type GateField = (typeof FIELDS)[number];
const OPS = ['=', '!=', '<', '<=', '>', '>='] as const;
type Op = (typeof OPS)[number];
const CASELESS: ReadonlySet<GateField> = new Set(['type', 'env', 'status']);

/** A --fail-if expression that does not parse; the message says where and what was expected. */
export class GateSyntaxError extends Error {}

type Token = { kind: 'word' | 'op' | 'comma' | 'open' | 'close' | 'string'; text: string; at: number };

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:(!=|<=|>=|=|<|>)|(,)|(\()|(\))|'([^']*)'|"([^"]*)"|([^\s,()'"=!<>]+))/y;
  let at = 0;
  while (at < src.length) {
    if (/^\s*$/.test(src.slice(at))) break;
    re.lastIndex = at;
    const m = re.exec(src);
    if (!m) throw new GateSyntaxError(`unexpected "${src.slice(at).trim()[0]}" at character ${at + 1}`);
    const start = m.index + m[0].length - m[0].trimStart().length;
    if (m[1]) tokens.push({ kind: 'op', text: m[1], at: start });
    else if (m[2]) tokens.push({ kind: 'comma', text: ',', at: start });
    else if (m[3]) tokens.push({ kind: 'open', text: '(', at: start });
    else if (m[4]) tokens.push({ kind: 'close', text: ')', at: start });
    else if (m[5] !== undefined || m[6] !== undefined) tokens.push({ kind: 'string', text: m[5] ?? m[6], at: start });
    else tokens.push({ kind: 'word', text: m[7], at: start });
    at = re.lastIndex;
  }
  return tokens;
}

/** Parses a --fail-if expression; throws GateSyntaxError. */
export function parseGate(src: string): GateExpr {
  const tokens = tokenize(src);
  let i = 0;
  const peek = () => tokens[i];
  const where = () => (peek() ? `at "${peek().text}" (character ${peek().at + 1})` : 'at the end');
  const isWord = (w: string) => peek()?.kind === 'word' && peek().text.toLowerCase() === w;

  const or = (): GateExpr => {
    let left = and();
    while (isWord('or')) {
      i++;
      left = { kind: 'or', left, right: and() };
    }
    return left;
  };
  const and = (): GateExpr => {
    let left = not();
    while (isWord('and')) {
      i++;
      left = { kind: 'and', left, right: not() };
    }
    return left;
  };
  const not = (): GateExpr => {
    if (isWord('not')) {
      i++;
      return { kind: 'not', expr: not() };
    }
    if (peek()?.kind === 'open') {
      i++;
      const inner = or();
      if (peek()?.kind !== 'close') throw new GateSyntaxError(`expected ")" ${where()}`);
      i++;
      return inner;
    }
    if (isWord('any')) {
      i++;
      return { kind: 'any' };
    }
    return cond();
  };
  const cond = (): GateExpr => {
    const f = peek();
    const field = f?.text.toLowerCase() as GateField;
    if (f?.kind !== 'word' || !FIELDS.includes(field)) {
      throw new GateSyntaxError(`expected a field (${FIELDS.join(', ')}) or "any" ${where()}`);
    }
    i++;
    const o = peek();
    if (o?.kind !== 'op') throw new GateSyntaxError(`expected = != < <= > >= after "${f.text}" ${where()}`);
    const op = o.text as Op;
    i++;
    if (op !== '=' && op !== '!=' && field !== 'degree') throw new GateSyntaxError(`${op} compares numbers: only degree takes it`);
    const values: string[] = [];
    for (;;) {
      const v = peek();
      if (v?.kind !== 'word' && v?.kind !== 'string') throw new GateSyntaxError(`expected a value after "${f.text}${op}" ${where()}`);
      values.push(v.text);
      i++;
      if (peek()?.kind !== 'comma') break;
      i++;
    }
    if (field === 'degree' && values.some((v) => !/^\d+$/.test(v))) throw new GateSyntaxError('degree compares whole numbers');
    if (op !== '=' && op !== '!=' && values.length > 1) throw new GateSyntaxError(`${op} takes one value`);
    return { kind: 'cond', field, op, values };
  };

  if (!tokens.length) throw new GateSyntaxError('empty expression');
  const expr = or();
  if (i < tokens.length) throw new GateSyntaxError(`expected "and", "or" or the end ${where()}`);
  return expr;
}

function glob(pattern: string, caseless: boolean): RegExp {
  const body = pattern.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${body}$`, caseless ? 'i' : '');
}

function fieldValues(s: GateSubject, field: GateField): string[] {
  switch (field) {
    case 'alias':
      return s.aliases;
    case 'tag':
      return s.tags;
    case 'degree':
      return [String(s.degree)];
    default: {
      const v = s[field];
      return v === undefined || v === null ? [] : [v];
    }
  }
}

/** Whether `expr` holds for one impacted entity. */
export function matches(expr: GateExpr, s: GateSubject): boolean {
  switch (expr.kind) {
    case 'any':
      return true;
    case 'not':
      return !matches(expr.expr, s);
    case 'and':
      return matches(expr.left, s) && matches(expr.right, s);
    case 'or':
      return matches(expr.left, s) || matches(expr.right, s);
    case 'cond': {
      if (expr.field === 'degree') {
        const [n] = expr.values.map(Number);
        const d = s.degree;
        const cmp: Record<Op, boolean> = { '=': expr.values.map(Number).includes(d), '!=': !expr.values.map(Number).includes(d), '<': d < n, '<=': d <= n, '>': d > n, '>=': d >= n };
        return cmp[expr.op];
      }
      const have = fieldValues(s, expr.field);
      const patterns = expr.values.map((v) => glob(v, CASELESS.has(expr.field)));
      const any = have.some((h) => patterns.some((p) => p.test(h)));
      return expr.op === '=' ? any : !any;
    }
  }
}
