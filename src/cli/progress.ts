import { SingleBar } from 'cli-progress';

/** A running progress report; `done()` ends it (and must be called, also on failure). */
export interface Progress {
  /** Adds `n` to the finished amount. */
  tick(n?: number): void;
  /** Sets a short status text shown after the counts. */
  status(text: string): void;
  done(): void;
}

const QUIET: Progress = { tick() {}, status() {}, done() {} };

/**
 * Progress of `total` units of work on stderr (stdout stays clean for --json). On a terminal it is
 * a live bar; elsewhere (CI logs) a plain line at most every 5 seconds plus a final one, so logs stay
 * short. `quiet` prints nothing.
 */
export function startProgress(label: string, total: number, unit: string, quiet = false): Progress {
  if (quiet) return QUIET;
  let value = 0;
  let text = '';
  if (process.stderr.isTTY) {
    const bar = new SingleBar({
      stream: process.stderr,
      format: `${label} [{bar}] {value}/{total} ${unit} {text}`,
      barsize: 30,
      hideCursor: true,
      clearOnComplete: false,
    });
    bar.start(total, 0, { text });
    return {
      tick: (n = 1) => {
        value += n;
        bar.update(value, { text });
      },
      status: (t) => {
        text = t;
        bar.update(value, { text });
      },
      done: () => bar.stop(),
    };
  }
  let last = Date.now();
  const line = () => process.stderr.write(`${label}: ${value}/${total} ${unit}${text ? ` ${text}` : ''}\n`);
  return {
    tick(n = 1) {
      value += n;
      if (Date.now() - last >= 5000) {
        last = Date.now();
        line();
      }
    },
    status(t) {
      text = t;
    },
    done: line,
  };
}
