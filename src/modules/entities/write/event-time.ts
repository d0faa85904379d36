import { BadUserInputError } from '../../../errors/errors';

/**
 * How far ahead of the server's clock an eventTime may be: the clocks of the machines that send
 * events drift. Such a time is taken as the server's now, so nothing stored is ever in the future.
 */
export const EVENT_TIME_SKEW_MS = 60_000;

/**
 * The instant a write says its facts became true (`eventTime`), checked: undefined when not given
 * (null or undefined), the server's `now` when it is ahead by at most EVENT_TIME_SKEW_MS, and
 * BAD_USER_INPUT naming `path` when it is not a time or lies further in the future.
 */
export function eventTimeOf(value: unknown, path: string, now: Date = new Date()): Date | undefined {
  if (value === undefined || value === null) return undefined;
  const at = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : new Date(NaN);
  if (Number.isNaN(at.getTime())) throw new BadUserInputError(`${path} is not a date-time (ISO 8601, e.g. 2024-06-01T12:00:00Z)`, path);
  if (at.getTime() > now.getTime() + EVENT_TIME_SKEW_MS) {
    throw new BadUserInputError(`${path} ${at.toISOString()} is in the future (the server's clock says ${now.toISOString()})`, path);
  }
  return at.getTime() > now.getTime() ? now : at;
}

/** The earlier of two instants (undefined counts as unknown, not as earliest). */
export function earlier(a: Date | undefined, b: Date | undefined): Date | undefined {
  if (!a) return b;
  if (!b) return a;
  return a.getTime() <= b.getTime() ? a : b;
}
