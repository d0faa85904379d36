/** The browse filters, as they appear in the URL (?type=MODEL&platform=mlflow...). */
export interface BrowseFilter {
  types: string[];
  platform: string;
  env: string;
  statuses: string[];
  tag: string;
  owner: string;
  namePrefix: string;
}

const TEXT_KEYS = ['platform', 'env', 'tag', 'owner', 'namePrefix'] as const;

/** Reads the filters from a query string; repeated `type` and `status` keys make lists. */
export function parseFilter(search: string): BrowseFilter {
  const params = new URLSearchParams(search);
  const text = (key: string) => (params.get(key) ?? '').trim();
  return {
    types: params.getAll('type').filter(Boolean),
    statuses: params.getAll('status').filter(Boolean),
    platform: text('platform'),
    env: text('env'),
    tag: text('tag'),
    owner: text('owner'),
    namePrefix: text('namePrefix'),
  };
}

/** The query string for a filter (empty criteria left out), e.g. for links and the back button. */
export function filterSearch(filter: BrowseFilter): string {
  const params = new URLSearchParams();
  filter.types.forEach((t) => params.append('type', t));
  filter.statuses.forEach((s) => params.append('status', s));
  for (const key of TEXT_KEYS) if (filter[key]) params.set(key, filter[key]);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The `EntityFilter` input for `entities(filter:)`: only the criteria given, since an absent
 * criterion does not filter while an empty string would match nothing.
 */
export function entityFilterInput(filter: BrowseFilter): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  if (filter.types.length) input.types = filter.types;
  if (filter.statuses.length) input.statuses = filter.statuses;
  for (const key of TEXT_KEYS) if (filter[key]) input[key] = filter[key];
  return input;
}
