import { RunStatus } from '../../kinds/run/run-status.enum';
import type { StoredValue } from '../../model/encode';

// A run's state from OpenLineage events, combined so that the order events arrive in never
// matters: a finished state beats an unfinished one, the later of two finished states wins, the
// earliest start wins. Combining is commutative, associative and idempotent, so replays change
// nothing and COMPLETE-then-START ends where START-then-COMPLETE does.

/** The run fields an event sets (absent: the event says nothing of it). */
export interface RunState {
  runStatus?: RunStatus;
  startedAt?: Date;
  endedAt?: Date;
}

/** The state an OpenLineage eventType means, at `at`. RUNNING and START say the run runs; OTHER says nothing. */
export function stateOfEvent(eventType: string | undefined, at: Date): RunState {
  switch (eventType) {
    case 'START':
      return { runStatus: RunStatus.RUNNING, startedAt: at };
    case 'RUNNING':
      return { runStatus: RunStatus.RUNNING };
    case 'COMPLETE':
      return { runStatus: RunStatus.SUCCEEDED, endedAt: at };
    case 'FAIL':
      return { runStatus: RunStatus.FAILED, endedAt: at };
    case 'ABORT':
      return { runStatus: RunStatus.KILLED, endedAt: at };
    default:
      return {};
  }
}

const FINISHED: readonly string[] = [RunStatus.SUCCEEDED, RunStatus.KILLED, RunStatus.FAILED]; // ties: the later in this list wins
const rank = (s: RunState) => (s.runStatus === undefined ? 0 : FINISHED.includes(s.runStatus) ? 2 : 1);

/** The combination of two states (see the top of this file). */
export function combineStates(a: RunState, b: RunState): RunState {
  const startedAt = a.startedAt && b.startedAt ? (a.startedAt <= b.startedAt ? a.startedAt : b.startedAt) : (a.startedAt ?? b.startedAt);
  let end: RunState;
  if (rank(a) !== rank(b)) end = rank(a) > rank(b) ? a : b;
  else if (rank(a) < 2) end = a.runStatus ? a : b;
  else {
    const ta = a.endedAt?.getTime() ?? 0;
    const tb = b.endedAt?.getTime() ?? 0;
    end = ta !== tb ? (ta > tb ? a : b) : FINISHED.indexOf(a.runStatus!) >= FINISHED.indexOf(b.runStatus!) ? a : b;
  }
  return {
    ...(end.runStatus && { runStatus: end.runStatus }),
    ...(startedAt && { startedAt }),
    ...(end.endedAt && { endedAt: end.endedAt }),
  };
}

/** The run state a stored run holds. */
export function storedState(stored: Readonly<Record<string, unknown>>): RunState {
  const date = (v: unknown) => (v instanceof Date ? v : undefined);
  return {
    ...(typeof stored.runStatus === 'string' && { runStatus: stored.runStatus as RunStatus }),
    ...(date(stored.startedAt) && { startedAt: date(stored.startedAt) }),
    ...(date(stored.endedAt) && { endedAt: date(stored.endedAt) }),
  };
}

/** The fields to write for `incoming` on a run that holds `stored`: only those the event speaks of. */
export function runStateFields(stored: Readonly<Record<string, unknown>> | null, incoming: RunState): Record<string, StoredValue> {
  if (!incoming.runStatus && !incoming.startedAt && !incoming.endedAt) return {};
  const s = combineStates(stored ? storedState(stored) : {}, incoming);
  return { runStatus: s.runStatus ?? null, startedAt: s.startedAt ?? null, endedAt: s.endedAt ?? null };
}
