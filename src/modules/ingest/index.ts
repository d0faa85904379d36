import { IngestResolver } from './ingest.resolver';

export const ingestResolvers = [IngestResolver];
