import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './ide.css';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import type { Fetcher } from '@graphiql/toolkit';
import { currentToken, saveToken, useTokenState } from '../api/token';
import { withToken } from '../lib/examples';
import { examplesPlugin } from './examples-plugin';

// The server writes whether introspection is on into the page (src/http/web.routes.ts).
const introspection = document.querySelector('meta[name="mlgraph-introspection"]')?.getAttribute('content') !== 'off';

// "#query=...&variables=..." (from the explorer's "Query" links) opens that query in a new tab.
const fromLink = new URLSearchParams(location.hash.slice(1));
if (location.hash) history.replaceState(null, '', location.pathname);

const fetcher: Fetcher = async (params, opts) => {
  const headers = withToken({ 'content-type': 'application/json', accept: 'application/json', ...(opts?.headers as Record<string, string>) }, currentToken());
  const res = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify(params) });
  return res.json();
};

function TokenBar() {
  const { token } = useTokenState();
  const [value, setValue] = useState('');
  return (
    <header className="ide-bar">
      <a href="/" className="brand">mlgraph</a>
      <span>GraphQL IDE</span>
      <form
        className="ide-token"
        onSubmit={(e) => {
          e.preventDefault();
          saveToken(value);
          setValue('');
        }}
      >
        <label>
          Bearer token
          <input type="password" name="token" autoComplete="off" placeholder={token ? 'a token is set (sent with every request)' : 'none: requests go without one'} value={value} onChange={(e) => setValue(e.target.value)} />
        </label>
        <button type="submit" disabled={!value.trim()}>Use</button>
        {token && <button type="button" onClick={() => saveToken(null)}>Forget</button>}
      </form>
      {!introspection && (
        <div className="ide-notice" role="status" data-testid="introspection-off">
          Schema introspection is turned off on this server (GRAPHQL_INTROSPECTION), so the docs and
          autocompletion are unavailable. Queries still run; the schema is in schema/schema.graphql.
        </div>
      )}
    </header>
  );
}

function Ide() {
  return (
    <div className="ide">
      <TokenBar />
      <div className="ide-body">
        <GraphiQL
          fetcher={fetcher}
          schema={introspection ? undefined : null}
          plugins={[examplesPlugin]}
          initialQuery={fromLink.get('query') ?? undefined}
          initialVariables={fromLink.get('variables') ?? undefined}
          defaultQuery={'# The list icon on the left opens the examples of schema/examples/.\n# The token above is sent unless the headers below set Authorization.\n{\n  serverInfo { version neo4jVersion edition }\n}\n'}
          defaultEditorToolsVisibility={Boolean(fromLink.get('variables'))}
        />
      </div>
    </div>
  );
}

createRoot(document.getElementById('ide')!).render(
  <StrictMode>
    <Ide />
  </StrictMode>,
);
