import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Paths pino censors in every log line, whatever logs it: credentials in request and response
 * headers (pino-http's `req`/`res`, or headers logged on their own) and any field named like a
 * secret. Tokens are never logged on purpose; this keeps them out when something logs a whole
 * request or object by mistake.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers["proxy-authorization"]',
  'headers.cookie',
  'headers["set-cookie"]',
  'authorization',
  'cookie',
  'token',
  '*.token',
  'password',
  '*.password',
];

/**
 * Structured JSON logs on stdout (or `destination`); one line per event, with secrets censored
 * (see REDACTED_PATHS).
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options = { level, base: { service: 'mlgraph' }, timestamp: pino.stdTimeFunctions.isoTime, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}
