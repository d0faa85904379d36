import { forgetReads, type Context } from '../../context';
import { queries } from '../../graph';
import { BadUserInputError, NotFoundError } from '../../errors/errors';
import { EntityType, Status } from '../../model/entity-type';
import type { EntityRecord } from '../entities/entity.loaders';
import { requireAdminForArchived } from '../entities/write/archived-guard';
import { lockedWrite, type LockedWrite } from '../entities/write/locked-write';
import type { WriteWarning } from '../entities/write/write-plan';
import type { ModelAliasChange, ModelAliasRemoval } from './model-alias.type';
import { requireUrn } from '../entities/urn-arg';

interface AliasMove {
  previousHolders: string[];
  changed: boolean;
  warnings: WriteWarning[];
}

/**
 * Gives `alias` to `model` within `group` and takes it from whichever member held it, in ONE
 * transaction. The model must be an open MEMBER_OF the group (BAD_USER_INPUT otherwise); ARCHIVED
 * models and groups are refused, a DEPRECATED model gets the alias with a warning. An alias is
 * stored on the membership (the open MEMBER_OF edge, `aliases`), so it is unique per group even
 * for a model in several groups, and a model that leaves a group leaves its aliases there.
 * Concurrency: the group node is locked first, so two moves of one group's aliases run one after
 * the other and the second sees the first's holder. Every model whose aliases change gets a
 * revision bump and a history record (the aliases it holds in this group, before and after).
 * Setting an alias the model already holds is a no-op.
 */
export async function setModelAlias(ctx: Context, group: string, alias: string, model: string): Promise<ModelAliasChange> {
  checkGroupUrn(group);
  requireUrn(model, 'model', EntityType.MODEL);

  const move = await lockedWrite(ctx.graph, 'setModelAlias', { actor: ctx.actor, source: 'api' }, (write) => moveAlias(write, ctx, group, alias, model));
  ctx.warnings.push(...move.warnings);

  const urns = [group, model, ...move.previousHolders];
  forgetReads(ctx);
  const [groupEntity, modelEntity, ...holders] = await loadAll(ctx, urns, 'setModelAlias');
  return { alias, group: groupEntity, model: modelEntity, previousHolders: holders, changed: move.changed };
}

async function moveAlias(write: LockedWrite, ctx: Pick<Context, 'principal'>, group: string, alias: string, model: string): Promise<AliasMove> {
  const refs = await write.references([group, model], (urn) => (urn === group ? 'group' : 'model'));

  // The group first: it is the lock every move of this group's aliases queues on.
  await write.lock([group]);
  await write.lock([model]);
  for (const [urn, field] of [[group, 'group'], [model, 'model']] as const) {
    if (refs.get(urn)?.status === Status.ARCHIVED) throw new BadUserInputError(`${urn} is ARCHIVED and cannot take an alias`, field, { urn });
  }
  const warnings: WriteWarning[] = [];
  if (refs.get(model)?.status === Status.DEPRECATED) {
    warnings.push({ code: 'DEPRECATED_REFERENCE', message: `${model} is DEPRECATED`, urn: model, field: 'model' });
  }

  const members = new Map((await write.tx.run(queries.aliasMembers, { group })).map((r) => [r.model, r.aliases]));
  const modelAliases = members.get(model);
  if (!modelAliases) {
    throw new BadUserInputError(`${model} is not a member of ${group}; link it with MEMBER_OF first`, 'model', { urn: model });
  }
  const holderUrns = [...members].filter(([urn, aliases]) => urn !== model && aliases.includes(alias)).map(([urn]) => urn).sort();
  const holderLocks = await write.lock(holderUrns);
  requireAdminForArchived(ctx.principal, holderUrns, (urn) => holderLocks.get(urn)?.status);

  const rows: AliasRow[] = [];
  if (!modelAliases.includes(alias)) {
    rows.push({ urn: model, old: modelAliases, new: [...modelAliases, alias], reason: `alias "${alias}" set in ${group}` });
  }
  for (const urn of holderUrns) {
    const old = members.get(urn)!;
    rows.push({ urn, old, new: old.filter((a) => a !== alias), reason: `alias "${alias}" moved to ${model}` });
  }
  await writeAliasRows(write, group, rows);
  return { previousHolders: holderUrns, changed: rows.length > 0, warnings };
}

/** One model whose aliases in a group change: before, after and why. */
interface AliasRow {
  urn: string;
  old: string[];
  new: string[];
  reason: string;
}

/** Writes alias changes of one group's members (locked by the caller): memberships, then a revision and history each. */
async function writeAliasRows(write: LockedWrite, group: string, rows: AliasRow[]): Promise<void> {
  if (!rows.length) return;
  await write.tx.run(queries.aliasesSet, { group, rows: rows.map((r) => ({ model: r.urn, aliases: r.new })) });
  for (const r of rows) write.record({ urn: r.urn, props: {}, changes: [{ field: 'aliases', old: r.old, new: r.new }], reason: r.reason });
}

/**
 * Takes `alias` from whichever member of `group` holds it, in one transaction (the group is locked
 * first, as for setModelAlias). The holder gets a revision bump and a history record. Removing an
 * alias nobody holds is a no-op; an unknown group is NOT_FOUND.
 */
export async function removeModelAlias(ctx: Context, group: string, alias: string): Promise<ModelAliasRemoval> {
  checkGroupUrn(group);
  const holders = await lockedWrite(ctx.graph, 'removeModelAlias', { actor: ctx.actor, source: 'api' }, async (write) => {
    await write.references([group], () => 'group');
    await write.lock([group]);
    const members = await write.tx.run(queries.aliasMembers, { group });
    const holderUrns = members.filter((m) => m.aliases.includes(alias)).map((m) => m.model).sort();
    const locked = await write.lock(holderUrns);
    requireAdminForArchived(ctx.principal, holderUrns, (urn) => locked.get(urn)?.status);
    const old = new Map(members.map((m) => [m.model, m.aliases]));
    await writeAliasRows(
      write,
      group,
      holderUrns.map((urn) => ({ urn, old: old.get(urn)!, new: old.get(urn)!.filter((a) => a !== alias), reason: `alias "${alias}" removed in ${group}` })),
    );
    return holderUrns;
  });
  const urns = [group, ...holders];
  forgetReads(ctx);
  const [groupEntity, ...previousHolders] = await loadAll(ctx, urns, 'removeModelAlias');
  return { alias, group: groupEntity, previousHolders, changed: holders.length > 0 };
}

/** The model version holding `alias` in `group`, or null. */
export async function modelByAlias(ctx: Context, group: string, alias: string): Promise<EntityRecord | null> {
  checkGroupUrn(group);
  const holder = (await ctx.loaders.aliases.load(group)).find((h) => h.alias === alias && h.group === group);
  return holder ? ctx.loaders.entity.load(holder.model) : null;
}

function checkGroupUrn(group: string): void {
  requireUrn(group, 'group', EntityType.MODEL_GROUP);
}

async function loadAll(ctx: Context, urns: string[], after: string): Promise<EntityRecord[]> {
  return (await ctx.loaders.entity.loadMany(urns)).map((e) => {
    if (!e || e instanceof Error) throw new NotFoundError(`an entity vanished after ${after}`, urns);
    return e;
  });
}
