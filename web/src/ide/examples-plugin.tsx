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

function BookIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M4 4h6a3 3 0 0 1 3 3v13a2 2 0 0 0-2-2H4zM20 4h-6a3 3 0 0 0-3 3v13a2 2 0 0 1 2-2h7z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
    </svg>
  );
}

export const examplesPlugin: GraphiQLPlugin = { title: 'Examples', icon: BookIcon, content: ExamplesList };
