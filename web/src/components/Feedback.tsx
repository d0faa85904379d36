import type { GqlFailure } from '../api/client';

/** An error as the server worded it, with its code. */
export function ErrorBox({ error }: { error: GqlFailure | undefined }) {
  if (!error) return null;
  return (
    <div className="error" role="alert">
      <strong>{error.code ?? 'ERROR'}</strong> {error.message}
    </div>
  );
}

export function Loading({ what = '' }: { what?: string }) {
  return <div className="loading">Loading{what ? ` ${what}` : ''}…</div>;
}

/** Warnings the server put in extensions.warnings (e.g. LIST_TRUNCATED). */
export function Warnings({ warnings }: { warnings?: { code: string; message: string }[] }) {
  if (!warnings?.length) return null;
  return (
    <div className="warning" role="status">
      {warnings.map((w, i) => (
        <div key={i}>
          <strong>{w.code}</strong> {w.message}
        </div>
      ))}
    </div>
  );
}
