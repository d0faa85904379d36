// Small HTTP clients for hostile requests: node:http rather than fetch, because fetch will not send
// a Host header of our choosing nor dribble a request out a byte at a time.
import http from 'node:http';
import net from 'node:net';

export interface Outcome {
  /** HTTP status; 0 when the server closed the connection without answering, or the client gave up. */
  status: number;
  /** Parsed JSON body (or the raw text when it is not JSON). */
  body: any;
  /** Milliseconds from the first byte sent to the end of the answer (or the close, or giving up). */
  ms: number;
  /** The client gave up after its time limit while the server still had not answered. */
  timedOut?: boolean;
}

export interface RequestOptions {
  method?: 'GET' | 'POST';
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Give up after this many milliseconds (the outcome then says timedOut). */
  timeoutMs: number;
}

/** Sends one request to `base` (http://host:port) and reads the whole answer. Never throws. */
export function request(base: string, o: RequestOptions): Promise<Outcome> {
  const url = new URL(o.path ?? '/graphql', base);
  const started = performance.now();
  return new Promise((resolve) => {
    let done = false;
    const finish = (status: number, text: string, timedOut = false) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      let body: any = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON: keep the text
      }
      resolve({ status, body, ms: Math.round(performance.now() - started), ...(timedOut ? { timedOut } : {}) });
    };
    const req = http.request(
      url,
      { method: o.method ?? 'POST', headers: { ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}), ...o.headers }, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => finish(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8')));
        res.on('error', () => finish(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8')));
      },
    );
    const timer = setTimeout(() => {
      finish(0, '', true);
      req.destroy();
    }, o.timeoutMs);
    // The server may answer (401, 413) and close before it has read the whole body: that is an answer.
    req.on('error', () => finish(0, ''));
    req.end(o.body);
  });
}

/** A GraphQL POST with an optional bearer token. */
export function gql(base: string, body: unknown, token: string | undefined, timeoutMs: number, headers: Record<string, string> = {}): Promise<Outcome> {
  return request(base, {
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    timeoutMs,
  });
}

/**
 * Opens a connection and sends `head` (request line and headers as given) then `dribble` one byte
 * per `intervalMs`, as a slow client would; resolves when the server closes the connection (with
 * the status line it sent, if any) or after `timeoutMs`.
 */
export function slowRequest(port: number, head: string, dribble: string, intervalMs: number, timeoutMs: number): Promise<Outcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    let i = 0;
    let done = false;
    const finish = (timedOut: boolean) => {
      if (done) return;
      done = true;
      clearInterval(ticker);
      clearTimeout(timer);
      socket.destroy();
      const status = Number(/^HTTP\/1\.\d (\d{3})/.exec(answer)?.[1] ?? 0);
      resolve({ status, body: answer.split('\r\n\r\n')[1] ?? '', ms: Math.round(performance.now() - started), ...(timedOut ? { timedOut } : {}) });
    };
    socket.on('data', (d) => (answer += d.toString('utf8')));
    socket.on('close', () => finish(false));
    socket.on('error', () => finish(false));
    socket.write(head);
    const ticker = setInterval(() => {
      if (i < dribble.length && !socket.destroyed) socket.write(dribble[i++]);
    }, intervalMs);
    const timer = setTimeout(() => finish(true), timeoutMs);
  });
}
