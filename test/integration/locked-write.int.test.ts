import { EntityType } from '../../src/model/entity-type';
import { buildUrn } from '../../src/model/urn';
import { lockedWrite } from '../../src/modules/entities/write/locked-write';
import { rawDriver, testGraph, uniqueId } from '../support/harness';

// The one write sequence (references, locks, changes, history, unlock) that upserts, ingest, links,
// status changes and alias moves share; each of those is tested through the API elsewhere.

describe('lockedWrite on the real Neo4j', () => {
  const graph = testGraph();
  const driver = rawDriver();
  afterAll(async () => {
    await graph.close();
    await driver.close();
  });
  const audit = { actor: 'locked-write-test', source: 'api' };
  const raw = async (cypher: string, params: Record<string, unknown>) =>
    (await driver.executeQuery(cypher, params)).records.map((r) => r.toObject());
  const experiment = () => buildUrn(EntityType.EXPERIMENT, { id: uniqueId('exp') });

  async function create(urn: string): Promise<void> {
    await lockedWrite(graph, 'test', audit, async (w) => {
      await w.lock([urn]);
      w.record({ urn, type: EntityType.EXPERIMENT, props: { type: EntityType.EXPERIMENT, name: 'x', status: 'ACTIVE' }, changes: [] });
    });
  }

  it('writes each recorded change with the next revision and one history record, and leaves no lock marker', async () => {
    const urn = experiment();
    await create(urn);
    const revision = await lockedWrite(graph, 'test', audit, async (w) => {
      await w.references([urn], () => 'urn');
      await w.lock([urn, urn]);
      return w.record({ urn, props: { name: 'y' }, changes: [{ field: 'name', old: 'x', new: 'y' }], reason: 'renamed' });
    });
    expect(revision).toBe(2);
    expect(await raw('MATCH (n:Entity:Experiment {urn: $urn}) RETURN n.name AS name, n.revision AS revision, n._lock AS lock, n._new AS new', { urn })).toEqual([
      { name: 'y', revision: 2, lock: null, new: null },
    ]);
    expect(
      await raw('MATCH (c:Change {urn: $urn}) RETURN c.revision AS revision, c.action AS action, c.reason AS reason ORDER BY revision', { urn }),
    ).toEqual([
      { revision: 1, action: 'CREATED', reason: null },
      { revision: 2, action: 'UPDATED', reason: 'renamed' },
    ]);
  });

  it('says NOT_FOUND for an unknown reference, naming the field, and writes nothing', async () => {
    const [known, unknown] = [experiment(), experiment()];
    await create(known);
    const failed = lockedWrite(graph, 'test', audit, async (w) => {
      await w.lock([known]);
      await w.references([known, unknown], (u) => (u === unknown ? 'input.experiment' : undefined));
    });
    await expect(failed).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND', urns: [unknown], field: 'input.experiment' } });
    expect(await raw('MATCH (n:Entity {urn: $urn}) RETURN n._lock AS lock', { urn: known })).toEqual([{ lock: null }]);
  });

  it('rolls everything back when the body fails or on a dry run: no bare node of a new URN stays', async () => {
    const [failing, dry] = [experiment(), experiment()];
    await expect(
      lockedWrite(graph, 'test', audit, async (w) => {
        await w.lock([failing]);
        throw new Error('the body failed');
      }),
    ).rejects.toThrow('the body failed');
    const result = await lockedWrite(graph, 'test', { ...audit, dryRun: true }, async (w) => {
      await w.lock([dry]);
      w.record({ urn: dry, type: EntityType.EXPERIMENT, props: { name: 'dry' }, changes: [] });
      return 'reported';
    });
    expect(result).toBe('reported');
    expect(await raw('MATCH (n:Entity) WHERE n.urn IN $urns RETURN n.urn AS urn', { urns: [failing, dry] })).toEqual([]);
  });

  it('refuses to record an entity it has not locked, or one entity twice', async () => {
    const urn = experiment();
    await expect(lockedWrite(graph, 'test', audit, async (w) => void w.record({ urn, props: {}, changes: [] }))).rejects.toThrow('without its lock');
    await expect(
      lockedWrite(graph, 'test', audit, async (w) => {
        await w.lock([urn]);
        w.record({ urn, type: EntityType.EXPERIMENT, props: {}, changes: [] });
        w.record({ urn, type: EntityType.EXPERIMENT, props: {}, changes: [] });
      }),
    ).rejects.toThrow('changed twice');
  });
});
