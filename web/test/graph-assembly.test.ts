import { addsNothing, assembleGraph, edgeId, expandGraph, type LineageGraphData } from '../src/lib/graph-assembly';
import { flowEnds } from '../src/lib/lineage-flow';

const ref = (urn: string, type: string) => ({ urn, type, name: urn.split(':').pop()!, status: 'ACTIVE' });
const model = ref('m:churn-v3', 'MODEL');
const run = ref('r:run-42', 'TRAINING_RUN');
const sessions = ref('d:sessions', 'DATASET');
const endpoint = ref('p:endpoint', 'DEPLOYMENT');

// The shape of lineageGraph around a model: stored edges point from model to run/dataset/deployment.
const around: LineageGraphData = {
  root: model,
  isPartial: false,
  nodes: [
    { direction: 'UPSTREAM', degree: 1, entity: run },
    { direction: 'UPSTREAM', degree: 1, entity: sessions },
    { direction: 'DOWNSTREAM', degree: 1, entity: endpoint },
  ],
  edges: [
    { from: { urn: model.urn }, relationship: 'TRAINED_BY', to: { urn: run.urn } },
    { from: { urn: model.urn }, relationship: 'TRAINED_ON', to: { urn: sessions.urn } },
    { from: { urn: sessions.urn }, relationship: 'INPUT_OF', to: { urn: run.urn } },
    { from: { urn: model.urn }, relationship: 'DEPLOYED_TO', to: { urn: endpoint.urn } },
  ],
};

describe('assembleGraph', () => {
  it('draws the root and every node once, and each stored edge along the data flow', () => {
    const g = assembleGraph(around);
    expect(g.rootUrn).toBe(model.urn);
    expect(g.nodes.map((n) => [n.id, n.side, n.degree])).toEqual([
      [model.urn, 'ROOT', 0],
      [run.urn, 'UPSTREAM', 1],
      [sessions.urn, 'UPSTREAM', 1],
      [endpoint.urn, 'DOWNSTREAM', 1],
    ]);
    // run -> model (stored model TRAINED_BY run), dataset -> model, dataset -> run, model -> deployment
    expect(g.edges.map((e) => [e.source, e.target])).toEqual([
      [run.urn, model.urn],
      [sessions.urn, model.urn],
      [sessions.urn, run.urn],
      [model.urn, endpoint.urn],
    ]);
    expect(g.edges[0].id).toBe(edgeId(model.urn, 'TRAINED_BY', run.urn));
    expect(g.partialReasons).toEqual([]);
  });

  it('drops duplicate nodes and edges and edges whose ends are not drawn', () => {
    const g = assembleGraph({
      ...around,
      nodes: [...around.nodes, { direction: 'DOWNSTREAM', degree: 2, entity: run }],
      edges: [...around.edges, around.edges[0], { from: { urn: model.urn }, relationship: 'CONSUMES', to: { urn: 'f:not-drawn' } }],
    });
    expect(g.nodes).toHaveLength(4);
    expect(g.edges).toHaveLength(4);
  });

  it('keeps the reason when the server cut the graph', () => {
    expect(assembleGraph({ ...around, isPartial: true, partialReason: 'upstream stopped at 500 entities' }).partialReasons).toEqual([
      'upstream stopped at 500 entities',
    ]);
  });
});

describe('expandGraph', () => {
  it('adds the neighbours of a drawn node without moving what is drawn', () => {
    const g = assembleGraph(around);
    const raw = ref('d:raw', 'DATASET');
    const more = expandGraph(g, {
      root: sessions,
      isPartial: false,
      nodes: [
        { direction: 'UPSTREAM', degree: 1, entity: raw },
        { direction: 'DOWNSTREAM', degree: 1, entity: model },
      ],
      edges: [
        { from: { urn: sessions.urn }, relationship: 'DERIVED_FROM', to: { urn: raw.urn } },
        { from: { urn: model.urn }, relationship: 'TRAINED_ON', to: { urn: sessions.urn } },
      ],
    });
    expect(more.nodes.find((n) => n.id === model.urn)).toMatchObject({ side: 'ROOT', degree: 0 });
    expect(more.nodes.find((n) => n.id === raw.urn)).toMatchObject({ side: 'UPSTREAM', degree: null });
    expect(more.edges).toHaveLength(5);
    expect(more.edges.at(-1)).toMatchObject({ source: raw.urn, target: sessions.urn, relationship: 'DERIVED_FROM' });
    expect(g.nodes).toHaveLength(4); // the input graph is left as it was
  });

  it('tells when an expansion would draw nothing new', () => {
    const g = assembleGraph(around);
    const again = { root: sessions, isPartial: false, nodes: [{ direction: 'DOWNSTREAM', degree: 1, entity: model }], edges: [around.edges[1]] } as LineageGraphData;
    expect(addsNothing(g, again)).toBe(true);
    const raw = ref('d:raw', 'DATASET');
    expect(addsNothing(g, { ...again, nodes: [...again.nodes, { direction: 'UPSTREAM', degree: 1, entity: raw }] } as LineageGraphData)).toBe(false);
    // A new edge between drawn entities is something new too.
    expect(addsNothing(g, { ...again, edges: [{ from: { urn: run.urn }, relationship: 'OUTPUT_OF', to: { urn: endpoint.urn } }] } as LineageGraphData)).toBe(false);
  });
});

describe('flowEnds', () => {
  it('keeps the stored direction of a relationship it does not know', () => {
    expect(flowEnds({ from: 'a', relationship: 'SOMETHING_NEW', to: 'b' })).toEqual({ source: 'a', target: 'b' });
    expect(flowEnds({ from: 'a', relationship: 'CONTAINS', to: 'b' })).toEqual({ source: 'a', target: 'b' });
    expect(flowEnds({ from: 'a', relationship: 'OUTPUT_OF', to: 'b' })).toEqual({ source: 'b', target: 'a' });
  });
});
