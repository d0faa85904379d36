import { useSyncExternalStore } from 'react';

/**
 * The bearer token the explorer and the GraphQL IDE send, kept in this browser's localStorage
 * (same origin, so both pages share it), and whether the server has asked for one.
 */
const KEY = 'mlgraph.token';

interface TokenState {
  token: string | null;
  /** Set when the server answered UNAUTHENTICATED: the message to show with the prompt. */
  asked: string | null;
  /** Bumped on every change, so queries run again with the new token. */
  version: number;
}

let state: TokenState = { token: read(), asked: null, version: 0 };
const listeners = new Set<() => void>();

function read(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

function set(next: Partial<TokenState>): void {
  state = { ...state, ...next };
  listeners.forEach((l) => l());
}

export function currentToken(): string | null {
  return state.token;
}

/** Stores a token (or forgets it with null) and re-runs every query. */
export function saveToken(token: string | null): void {
  const value = token?.trim() || null;
  try {
    if (value) localStorage.setItem(KEY, value);
    else localStorage.removeItem(KEY);
  } catch {
    // storage may be off (private mode): the token then lasts as long as the page
  }
  set({ token: value, asked: null, version: state.version + 1 });
}

/** Called when the server refused a request without a valid token. */
export function askForToken(message: string): void {
  if (state.asked === null) set({ asked: message });
}

export function dismissTokenPrompt(): void {
  set({ asked: null });
}

export function useTokenState(): TokenState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}
