import { SERVER_LIMITS } from '../../src/cli/ingest/ingest-lists';
import { MAX_INGEST_ENTITIES, MAX_INGEST_LINKS } from '../../src/modules/ingest/ingest-batch.input';

// The CLI talks to the server over HTTP only, so it keeps its own copy of the per-call limits of
// the ingest API (its lists come from the declarations of src/kinds/); this test fails when the server's change.
describe('the CLI knows the ingest API it splits batches for', () => {
  it('has the same per-call limits', () => {
    expect(SERVER_LIMITS).toEqual({ entities: MAX_INGEST_ENTITIES, links: MAX_INGEST_LINKS });
  });
});
