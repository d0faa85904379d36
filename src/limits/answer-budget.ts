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
 * About the JSON an object adds each time it appears in an answer: its keys and values (nested
 * values, such as decoded JSON properties, by their JSON text). Computed once per object.
 */
export function jsonSizeOf(value: object): number {
  let size = sizes.get(value);
  if (size !== undefined) return size;
  size = 2;
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    size += key.length + 4;
    if (typeof v === 'string') size += v.length + 2;
    else if (v === null || v === undefined || typeof v === 'number' || typeof v === 'boolean') size += 8;
    else if (v instanceof Date) size += 26;
    else size += JSON.stringify(v)?.length ?? 4;
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
