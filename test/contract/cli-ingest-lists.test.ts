import { INGEST_LISTS as CLI_LISTS, SERVER_LIMITS } from '../../src/cli/ingest/ingest-lists';
import { MAX_INGEST_ENTITIES, MAX_INGEST_LINKS } from '../../src/modules/ingest/ingest-batch.input';
import { INGEST_LISTS } from '../../src/modules/ingest/ingest.service';

// The CLI talks to the server over HTTP only, so it keeps its own copy of these two facts of the
// ingest API; this test fails when the server's change.
describe('the CLI knows the ingest API it splits batches for', () => {
  it('has the same batch list for every entity type', () => {
    expect(CLI_LISTS).toEqual(INGEST_LISTS);
  });

  it('has the same per-call limits', () => {
    expect(SERVER_LIMITS).toEqual({ entities: MAX_INGEST_ENTITIES, links: MAX_INGEST_LINKS });
  });
});
