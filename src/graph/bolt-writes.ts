import { createRequire } from 'node:module';
import type { Socket } from 'node:net';

/**
 * The Neo4j driver (neo4j-driver-bolt-connection 6.x) packs a Bolt message into a 1,400-byte buffer
 * and hands each full buffer to the socket at once, so a statement with 60 KB of parameters (a
 * walk's frontier, an ingest's entities) took 45 socket writes (test/integration/bolt-writes.int.test.ts
 * with this off), and a managed transaction's BEGIN, RUN and COMMIT one more each. Under the mixed
 * load those writes (`writeBuffer`, a system call per call on a socket with Nagle off) were a fifth
 * of the server's CPU. The driver has no setting for
 * it, so this corks a connection's socket at its first write in a tick and uncorks it on the next
 * tick: the same bytes in the same order, in one `writev`.
 *
 * It wraps `write` of the channel class the driver's package exports (`channel.Channel`, resolved
 * from the driver's own location, so the copy the driver uses). Applied once per process; returns
 * false, and changes nothing, when that class is not found (a driver whose internals moved: answers
 * are the same, only the writes are not merged).
 */
export function coalesceBoltWrites(): boolean {
  if (applied !== undefined) return applied;
  applied = false;
  let channel: { prototype: ChannelInternals } | undefined;
  try {
    const fromDriver = createRequire(require.resolve('neo4j-driver'));
    channel = (fromDriver('neo4j-driver-bolt-connection') as { channel?: { Channel?: { prototype: ChannelInternals } } }).channel?.Channel;
  } catch {
    return applied;
  }
  const proto = channel?.prototype;
  if (!proto || typeof proto.write !== 'function') return applied;
  const write = proto.write;
  proto.write = function coalescedWrite(this: ChannelInternals, buffer: unknown) {
    const socket = this._conn;
    // `_pending` is the driver's queue before the socket connects; it writes that queue itself.
    if (this._pending === null && socket && !socket.destroyed && !this[CORKED]) {
      this[CORKED] = true;
      socket.cork();
      process.nextTick(() => {
        this[CORKED] = false;
        socket.uncork();
      });
    }
    return write.call(this, buffer);
  };
  applied = true;
  return applied;
}

const CORKED = Symbol('mlgraph.corked');
let applied: boolean | undefined;

interface ChannelInternals {
  write(buffer: unknown): void;
  _conn?: Socket;
  _pending: unknown[] | null;
  [CORKED]?: boolean;
}
