import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { saveToken, useTokenState } from '../api/token';
import { SearchBox } from './SearchBox';
import { TokenPrompt } from './TokenPrompt';

export function Layout({ children }: { children: ReactNode }) {
  const { token } = useTokenState();
  return (
    <>
      <header className="top">
        <Link href="/" className="brand">
          mlgraph
        </Link>
        <SearchBox />
        <nav>
          <Link href="/browse">Browse</Link>
          <a href="/graphql">GraphQL IDE</a>
          {token && (
            <button type="button" className="link" onClick={() => saveToken(null)} title="Forget the API token stored in this browser">
              Forget token
            </button>
          )}
        </nav>
      </header>
      <main>{children}</main>
      <TokenPrompt />
    </>
  );
}
