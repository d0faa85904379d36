import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { Route, Switch } from 'wouter';
import { prefetch } from './api/prefetch';
import { LINEAGE_GRAPH } from './api/queries';
import { Loading } from './components/Feedback';
import { Layout } from './components/Layout';
import { BrowsePage } from './pages/BrowsePage';
import { EntityPage } from './pages/entity/EntityPage';
import { HomePage } from './pages/HomePage';
import { ImpactPage } from './pages/ImpactPage';
import { SearchPage } from './pages/SearchPage';
import { lineageView } from './lib/lineage-view';
import { urnParam } from './lib/paths';
import './app.css';

// The graph drawing (React Flow, ELK) is loaded only when a lineage graph is opened; until its code
// is here, the route asks the server for the graph, so the two load side by side.
let lineagePageLoaded = false;
const LineagePage = lazy(() =>
  import('./pages/LineagePage').then((m) => {
    lineagePageLoaded = true;
    return m;
  }),
);

function App() {
  return (
    <Layout>
      <Switch>
        <Route path="/">{() => <HomePage />}</Route>
        <Route path="/search">{() => <SearchPage />}</Route>
        <Route path="/browse">{() => <BrowsePage />}</Route>
        <Route path="/entity/:urn/lineage">
          {(p) => {
            if (!lineagePageLoaded) prefetch(LINEAGE_GRAPH, lineageView(urnParam(p.urn), window.location.search).variables);
            return (
              <Suspense fallback={<Loading what="the graph view" />}>
                <LineagePage urn={urnParam(p.urn)} />
              </Suspense>
            );
          }}
        </Route>
        <Route path="/entity/:urn/impact">{(p) => <ImpactPage key={p.urn} urn={urnParam(p.urn)} />}</Route>
        <Route path="/entity/:urn">{(p) => <EntityPage key={p.urn} urn={urnParam(p.urn)} />}</Route>
        <Route>
          <div className="error">No page here. Try the search above.</div>
        </Route>
      </Switch>
    </Layout>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
