import { useState, type FormEvent } from 'react';
import { dismissTokenPrompt, saveToken, useTokenState } from '../api/token';

/**
 * Opens when the server answers UNAUTHENTICATED: the token is kept in this browser and sent as
 * "Authorization: Bearer <token>" by the explorer and the GraphQL IDE.
 */
export function TokenPrompt() {
  const { asked, token } = useTokenState();
  const [value, setValue] = useState('');
  if (asked === null) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    saveToken(value);
    setValue('');
  };
  return (
    <div className="modal-backdrop">
      <form className="modal" onSubmit={submit} aria-label="API token">
        <h2>This server needs an API token</h2>
        <p className="muted">{asked}</p>
        <p>
          Paste a token (a READER token is enough to browse). It stays in this browser and is sent as
          <code> Authorization: Bearer …</code>.
        </p>
        {token && <p className="error">The token in use was refused.</p>}
        <input name="token" type="password" autoFocus autoComplete="off" placeholder="mlg_…" value={value} onChange={(e) => setValue(e.target.value)} />
        <div className="modal-actions">
          <button type="button" onClick={dismissTokenPrompt}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!value.trim()}>
            Use token
          </button>
        </div>
      </form>
    </div>
  );
}
