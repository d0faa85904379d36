import { BREAK, GraphQLError, isEnumType, parse, visit, type ASTNode, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import { ErrorCode } from './error-code';
import { AppError } from './errors';
import type { Logger } from '../logger';

const PASSTHROUGH_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

const NAME = '[A-Za-z_][A-Za-z0-9_]*';

/**
 * The input path of a GraphQL variable-coercion error, in the dotted form class-validator errors
 * use (`input.sourceCode.0.url`). graphql-js words them `Variable "$input" got invalid value "DONE"
 * at "input.runStatus"; Value "DONE" does not exist in "RunStatus" enum.`; a missing or unknown
 * input field is named in the reason. Undefined when the message is not one of these.
 */
export function variableErrorField(message: string): string | undefined {
  const variable = new RegExp(`^Variable "\\$(${NAME})"`).exec(message);
  if (!variable) return undefined;
  const at = new RegExp(` at "(${variable[1]}(?:\\.${NAME}|\\[\\d+\\])*)"; `).exec(message);
  let path = at ? at[1] : variable[1];
  const field = new RegExp(`; Field "(${NAME})" (?:of required type "[^"]*" was not provided|is not defined by type "[^"]*")\\.[^;]*$`).exec(message);
  if (field) path += `.${field[1]}`;
  return path.replace(/\[(\d+)\]/g, '.$1');
}

/**
 * The argument path of the literal a validation error points at (`filter.env`, `input.tags.1`):
 * the arguments, input fields and list positions around its first node in the operation's text.
 * Undefined when the error points at nothing inside an argument.
 */
export function literalErrorField(error: GraphQLError): string | undefined {
  const at = error.nodes?.[0]?.loc;
  const body = error.source?.body;
  if (!at || !body) return undefined;
  const doc = parse(body);
  let field: string | undefined;
  visit(doc, {
    enter(node, _key, _parent, path) {
      if (node.loc?.start !== at.start || node.loc?.end !== at.end) return undefined;
      const parts: string[] = [];
      let cur: unknown = doc;
      path.forEach((key, i) => {
        cur = (cur as Record<string | number, unknown>)[key];
        const kind = (cur as ASTNode | undefined)?.kind;
        if (kind === 'Argument' || kind === 'ObjectField') parts.push((cur as { name: { value: string } }).name.value);
        else if (typeof key === 'number' && path[i - 1] === 'values') parts.push(String(key));
      });
      if (parts.length) field = parts.join('.');
      return BREAK;
    },
  });
  return field;
}

export interface FormatErrorOptions {
  /**
   * Keep graphql-js's "Did you mean ...?" hints. Off, they are cut from every message (parse,
   * validation and variable errors alike), since they reveal schema names to a caller who cannot
   * introspect the schema.
   */
  suggestions: boolean;
  /**
   * The values of an enum type by name (from the served schema). With suggestions on, an error about
   * a value that is not in an enum lists the valid ones and carries them as `extensions.validValues`.
   */
  enumValues?: (enumName: string) => readonly string[] | undefined;
}

/** graphql-js's words for a value outside an enum, in variables (`... does not exist in "Env" enum`) or literals (`Enum "Env" cannot represent ...`). */
const ENUM_MISS = /Value "(?:[^"\\]|\\.)*" does not exist in "([A-Za-z_][A-Za-z0-9_]*)" enum|Enum "([A-Za-z_][A-Za-z0-9_]*)" cannot represent/;

/** The values of each enum type of `schema`, by its name. */
export function enumValuesOf(schema: GraphQLSchema): (name: string) => readonly string[] | undefined {
  return (name) => {
    const type = schema.getType(name);
    return isEnumType(type) ? type.getValues().map((v) => v.name) : undefined;
  };
}

/** Adds the valid values of the enum an error names, when it names one; the error as it was otherwise. */
export function withEnumValues(formatted: GraphQLFormattedError, enumValues: (name: string) => readonly string[] | undefined): GraphQLFormattedError {
  const m = ENUM_MISS.exec(formatted.message);
  const values = m ? enumValues(m[1] ?? m[2]) : undefined;
  if (!values?.length) return formatted;
  return {
    ...formatted,
    message: `${formatted.message} Valid values: ${values.join(', ')}.`,
    extensions: { ...formatted.extensions, validValues: [...values] },
  };
}

/** graphql-js's hint: ` Did you mean "x"?`, ` Did you mean "x" or "y"?`, ` Did you mean the enum value "X"?`. */
const SUGGESTION = / ?Did you mean [^?]*\?/g;

/**
 * Apollo's formatError: keeps our own errors and GraphQL's request errors as they are, turns
 * class-validator failures into BAD_USER_INPUT naming the first offending field, names the field
 * of variable-coercion errors (bad enum values, wrong types) and of invalid literals in the
 * operation's text (validation errors), and masks anything
 * else as INTERNAL_SERVER_ERROR (logging the original). Never throws.
 */
export function createFormatError(log: Logger, options: FormatErrorOptions = { suggestions: true }) {
  const format = createFormatter(log);
  const { enumValues } = options;
  if (options.suggestions) return enumValues ? (f: GraphQLFormattedError, e: unknown) => withEnumValues(format(f, e), enumValues) : format;
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const out = format(formatted, error);
    return { ...out, message: out.message.replace(SUGGESTION, '') };
  };
}

function createFormatter(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    try {
      const original = unwrapResolverError(error);
      if (original instanceof ArgumentValidationError) {
        const fields = flattenValidation(original.extensions.validationErrors as ValidationError[]);
        const first = fields[0];
        return {
          ...formatted,
          message: first ? `Invalid value for ${first.field}: ${first.messages.join('; ')}` : formatted.message,
          extensions: { code: ErrorCode.BAD_USER_INPUT, field: first?.field, fields },
        };
      }
      // Our errors raised during validation (limits) reach here wrapped in Apollo's ValidationError.
      const own = original instanceof AppError ? original : (original as { originalError?: unknown } | null)?.originalError;
      if (own instanceof AppError) {
        const { http: _http, ...extensions } = own.extensions;
        return { ...formatted, extensions };
      }
      const code = formatted.extensions?.code;
      if (code === ErrorCode.BAD_USER_INPUT && formatted.extensions?.field === undefined) {
        const field = variableErrorField(formatted.message);
        if (field) return { ...formatted, extensions: { ...formatted.extensions, field } };
      }
      if (code === 'GRAPHQL_VALIDATION_FAILED' && formatted.extensions?.field === undefined && original instanceof GraphQLError) {
        const field = literalErrorField(original);
        if (field) return { ...formatted, extensions: { ...formatted.extensions, field } };
      }
      if (typeof code === 'string' && PASSTHROUGH_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
        return formatted;
      }
      log.error({ err: original, path: formatted.path }, 'unexpected error in GraphQL operation');
      return {
        message: 'Internal server error',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
      };
    } catch {
      return { message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
    }
  };
}

/** One entry per invalid field, with dotted paths for nested inputs (e.g. `input.owners.0.id`). */
export function flattenValidation(
  errors: ValidationError[] = [],
  prefix = '',
): { field: string; messages: string[] }[] {
  const out: { field: string; messages: string[] }[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) out.push({ field, messages: Object.values(e.constraints) });
    out.push(...flattenValidation(e.children ?? [], field));
  }
  return out;
}
