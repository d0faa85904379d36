import { isoToLocalInput, localInputToIso } from '../src/lib/as-of';
import { toElkGraph } from '../src/lib/elk-graph';
import { humanize, KNOWN_TYPES, statusBadge, typeStyle } from '../src/lib/entity-types';
import { parseExamples, withToken } from '../src/lib/examples';
import { entityFilterInput, filterSearch, parseFilter } from '../src/lib/filters';
import { assembleGraph } from '../src/lib/graph-assembly';
import { entityPath, urnParam } from '../src/lib/paths';
import { cursorsOf, withCursors } from '../src/lib/url-pages';
import { measured } from '../src/pages/entity/ModelCardSections';
import { relationQuery, typeCountsQuery } from '../src/api/queries';

describe('entity types', () => {
  it('gives every known type its own colour and icon', () => {
    const colours = KNOWN_TYPES.map((t) => typeStyle(t).colour);
    expect(new Set(colours).size).toBe(KNOWN_TYPES.length);
    expect(KNOWN_TYPES).toContain('FEATURE_TABLE');
    expect(typeStyle('FEATURE_TABLE').label).toBe('Feature table');
  });

  it('falls back to a generic look for a type it does not know', () => {
    const style = typeStyle('DATA_JOB');
    expect(style).toMatchObject({ type: 'DATA_JOB', label: 'Data job', plural: 'Data jobs', colour: '#64748b' });
    expect(style.icon).toBeTruthy();
  });

  it('humanizes field names and badges only unusual statuses', () => {
    expect(humanize('trainingRuns')).toBe('Training runs');
    expect(humanize('inputOf')).toBe('Input of');
    expect(statusBadge('ACTIVE')).toBeNull();
    expect(statusBadge('DEPRECATED')).toBe('deprecated');
  });
});

describe('browse filters', () => {
  it('round-trips through the URL and sends only the criteria given', () => {
    const filter = parseFilter('?type=MODEL&type=DATASET&platform=mlflow&env=PROD&status=ARCHIVED&tag=&owner=ml-platform');
    expect(filter).toEqual({ types: ['MODEL', 'DATASET'], statuses: ['ARCHIVED'], platform: 'mlflow', env: 'PROD', tag: '', owner: 'ml-platform', namePrefix: '' });
    expect(entityFilterInput(filter)).toEqual({ types: ['MODEL', 'DATASET'], statuses: ['ARCHIVED'], platform: 'mlflow', env: 'PROD', owner: 'ml-platform' });
    expect(parseFilter(filterSearch(filter))).toEqual(filter);
    expect(filterSearch(parseFilter(''))).toBe('');
    expect(entityFilterInput(parseFilter(''))).toEqual({});
  });
});

describe('as-of picker', () => {
  it('turns the local input into an ISO instant and back', () => {
    const iso = localInputToIso('2024-06-30T12:34:56');
    expect(iso).toMatch(/^2024-06-30T\d\d:34:56\.000Z$/);
    expect(isoToLocalInput(iso!)).toBe('2024-06-30T12:34:56');
    expect(localInputToIso('2024-06-30T12:34')).toMatch(/:34:00\.000Z$/);
    expect(localInputToIso('')).toBeNull();
    expect(localInputToIso('yesterday')).toBeNull();
  });
});

describe('routes', () => {
  it('keeps a URN in one path segment and reads it back', () => {
    const urn = 'urn:li:dataset:(urn:li:dataPlatform:s3,raw/clicks 100%,PROD)';
    const path = entityPath(urn, 'lineage');
    expect(path.split('/')).toHaveLength(4);
    expect(urnParam(path.split('/')[2])).toBe(urn);
    expect(urnParam('%E0%A4%A')).toBe('%E0%A4%A'); // a broken escape is taken as it is
  });
});

describe('query building', () => {
  it('pages list relationship fields and leaves single ones without arguments', () => {
    const list = relationQuery('Dataset', 'downstreams');
    expect(list.paged).toBe(true);
    expect(list.query).toContain('... on Dataset { items: downstreams(first: $first, after: $after) { ...Ref } }');
    const single = relationQuery('Run', 'experiment');
    expect(single.paged).toBe(false);
    expect(single.query).toContain('items: experiment { ...Ref }');
    expect(single.query).not.toContain('$first');
  });

  it('refuses names that are not GraphQL names', () => {
    expect(() => relationQuery('Dataset', 'downstreams { secret }')).toThrow(/not a GraphQL name/);
    expect(() => relationQuery('Data set', 'x')).toThrow(/not a GraphQL name/);
  });

  it('counts every known type with one aliased field each', () => {
    const q = typeCountsQuery(['MODEL', 'bad name', 'DATASET']);
    expect(q).toContain('MODEL: entities(filter: { types: [MODEL] }, first: 0) { totalCount }');
    expect(q).toContain('DATASET: entities(');
    expect(q).not.toContain('bad');
  });

  it('lays out left to right with every node and edge', () => {
    const elk = toElkGraph(
      assembleGraph({
        root: { urn: 'a', type: 'DATASET', name: 'a', status: 'ACTIVE' },
        isPartial: false,
        nodes: [{ direction: 'DOWNSTREAM', degree: 1, entity: { urn: 'b', type: 'FEATURE', name: 'b', status: 'ACTIVE' } }],
        edges: [{ from: { urn: 'b' }, relationship: 'DERIVED_FROM', to: { urn: 'a' } }],
      }),
    );
    expect(elk.layoutOptions['elk.direction']).toBe('RIGHT');
    expect(elk.children.map((c) => c.id)).toEqual(['a', 'b']);
    expect(elk.edges).toEqual([{ id: 'b|DERIVED_FROM|a', sources: ['a'], targets: ['b'] }]);
  });
});

describe('GraphQL IDE helpers', () => {
  it('lists example files with their summary and operations', () => {
    const [lineage, search] = parseExamples({
      '../../schema/examples/search.graphql': '# Full-text search.\nquery Search { a }\n\nquery SearchArchived { b }\n',
      '../../schema/examples/lineage.graphql': '# Lineage and impact.\n# more\nmutation RegisterWorkflow { c }\nquery WhatBreaks { d }\n',
    });
    expect(lineage).toMatchObject({ file: 'lineage.graphql', summary: 'Lineage and impact.', operations: [{ kind: 'mutation', name: 'RegisterWorkflow' }, { kind: 'query', name: 'WhatBreaks' }] });
    expect(search.operations.map((o) => o.name)).toEqual(['Search', 'SearchArchived']);
  });

  it('adds the stored token unless the headers editor sets Authorization', () => {
    expect(withToken({}, 'tok')).toEqual({ authorization: 'Bearer tok' });
    expect(withToken({ Authorization: 'Bearer mine' }, 'tok')).toEqual({ Authorization: 'Bearer mine' });
    expect(withToken(undefined, null)).toEqual({});
  });
});

describe('pages in the URL', () => {
  it('keep the cursors of the pages before as repeated after keys, beside the filters', () => {
    const page3 = withCursors('?type=MODEL&platform=mlflow', ['c1', 'c2==']);
    expect(page3).toBe('?type=MODEL&platform=mlflow&after=c1&after=c2%3D%3D');
    expect(cursorsOf(page3)).toEqual(['c1', 'c2==']);
    expect(parseFilter(page3)).toEqual(parseFilter('?type=MODEL&platform=mlflow'));
    expect(withCursors(page3, ['c1'])).toBe('?type=MODEL&platform=mlflow&after=c1');
    expect([withCursors(page3, []), withCursors('?after=c1', [])]).toEqual(['?type=MODEL&platform=mlflow', '']);
    expect(cursorsOf('')).toEqual([]);
  });
});

describe('measured values', () => {
  it('show without floating-point noise, and as they are otherwise', () => {
    expect([0.8200000000000001, 0.1 + 0.2, 12345.678, 1e-9, 3, -0.5].map(measured)).toEqual(['0.82', '0.3', '12345.678', '1e-9', '3', '-0.5']);
    expect(measured(NaN)).toBe('NaN');
  });
});
