import { pick, useGraphiQL, useGraphiQLActions, type GraphiQLPlugin } from '@graphiql/react';
import { parseExamples } from '../lib/examples';

// Bundled at build time: the IDE works offline and always matches the server it ships with.
const EXAMPLES = parseExamples(
  import.meta.glob<string>('../../../schema/examples/*.graphql', { query: '?raw', import: 'default', eager: true }),
);

function ExamplesList() {
  const { queryEditor } = useGraphiQL(pick('queryEditor'));
  const { addTab } = useGraphiQLActions();
  const open = (text: string) => {
    addTab();
    // The new tab's editor model exists after the store update; fill it on the next tick.
    setTimeout(() => queryEditor?.setValue(text), 0);
  };
  return (
    <div className="examples">
      <div className="graphiql-doc-explorer-title">Examples</div>
      <p className="muted">The operations of schema/examples/. Click one to open its file in a new tab, then run the operation you want.</p>
      <ul>
        {EXAMPLES.map((ex) => (
          <li key={ex.file}>
            <button type="button" className="example" onClick={() => open(ex.text)} data-example={ex.file}>
              <strong>{ex.file}</strong>
              <span className="muted">{ex.summary}</span>
              <span className="ops">
                {ex.operations.map((op) => (
                  <code key={op.name} className={op.kind}>
                    {op.kind === 'query' ? '' : `${op.kind} `}
                    {op.name}
                  </code>
                ))}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ListIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M9 6h11M9 12h11M9 18h11M4.5 6h.5M4.5 12h.5M4.5 18h.5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    </svg>
  );
}

export const examplesPlugin: GraphiQLPlugin = { title: 'Examples', icon: ListIcon, content: ExamplesList };
