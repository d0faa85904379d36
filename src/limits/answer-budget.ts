import { ErrorCode } from '../errors/error-code';
import { AppError } from '../errors/errors';

/** Default of MAX_RESPONSE_BYTES: 16 MiB of JSON. */
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

export class ResponseTooLargeError extends AppError {
  constructor(maxBytes: number) {
    super(
      `The answer would be larger than the allowed ${maxBytes} bytes of JSON; ask for fewer items (first) or fewer fields.`,
      ErrorCode.RESPONSE_TOO_LARGE,
      { maxBytes },
    );
  }
}

const sizes = new WeakMap<object, number>();

/**
 * Records the JSON size of `value` when the code that made it already knows it (an entity decoded
 * from JSON text knows the text's length), so jsonSizeOf does not walk it and print its nested values again.
 */
export function knowJsonSize(value: object, size: number): void {
  sizes.set(value, size);
}

/** About the JSON one value adds, by the rules of jsonSizeOf: text by its length, nested values by their JSON text. */
export function jsonSizeOfValue(v: unknown): number {
  if (typeof v === 'string') return v.length + 2;
  if (v === null || v === undefined || typeof v === 'number' || typeof v === 'boolean') return 8;
  if (v instanceof Date) return 26;
  return JSON.stringify(v)?.length ?? 4;
}

/**
 * About the JSON an object adds each time it appears in an answer: its keys and values (nested
 * values, such as decoded JSON properties, by their JSON text). Computed once per object.
 */
export function jsonSizeOf(value: object): number {
  let size = sizes.get(value);
  if (size !== undefined) return size;
  size = 2;
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    size += key.length + 4 + jsonSizeOfValue(v);
  }
  sizes.set(value, size);
  return size;
}

/**
 * What one request's answer carries, counted where the data enters it: each entity handed to a
 * field (as often as it appears), each history record. Once past `maxBytes`, every further charge
 * throws RESPONSE_TOO_LARGE, so nothing more is read or built, and responseSizePlugin answers with
 * that error alone. Lists, paths and counts around the entities are bounded by the cost model.
 */
export class AnswerBudget {
  private bytes = 0;

  constructor(public maxBytes = Number.POSITIVE_INFINITY) {}

  /** True once the answer has outgrown the limit. */
  get exceeded(): boolean {
    return this.bytes > this.maxBytes;
  }

  /** Counts `value` (an entity record, a history record) into the answer; throws once past the limit. */
  charge(value: object): void {
    this.bytes += jsonSizeOf(value);
    this.check();
  }

  /** Throws RESPONSE_TOO_LARGE when the answer has outgrown the limit. */
  check(): void {
    if (this.bytes > this.maxBytes) throw new ResponseTooLargeError(this.maxBytes);
  }
}
