import type { Context } from '../../context';
import { queries, type GraphTransaction } from '../../graph';
import { BadUserInputError, NotFoundError } from '../../errors/errors';
import { ENTITY_LABELS } from '../../model/entity-fields';
import { EntityType, Status } from '../../model/entity-type';
import { parseUrn } from '../../model/urn';
import type { EntityRecord } from '../entities/entity.loaders';
import type { WriteWarning } from '../entities/write/write-plan';
import type { ModelAliasChange } from './model-alias.type';

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
  if (parseUrn(group)?.type !== EntityType.MODEL_GROUP) {
    throw new BadUserInputError(`"${group}" is not a model group URN`, 'group', { urn: group });
  }
  if (parseUrn(model)?.type !== EntityType.MODEL) throw new BadUserInputError(`"${model}" is not a model URN`, 'model', { urn: model });

  const move = await ctx.graph.writeTransaction('setModelAlias', (tx) => moveAlias(tx, ctx.actor, group, alias, model));
  ctx.warnings.push(...move.warnings);

  const urns = [group, model, ...move.previousHolders];
  urns.forEach((u) => ctx.loaders.entity.clear(u));
  const loaded = await ctx.loaders.entity.loadMany(urns);
  const [groupEntity, modelEntity, ...holders] = loaded.map((e) => {
    if (!e || e instanceof Error) throw new NotFoundError(`an entity vanished after setModelAlias`, urns);
    return e;
  });
  return { alias, group: groupEntity, model: modelEntity, previousHolders: holders, changed: move.changed };
}

async function moveAlias(tx: GraphTransaction, actor: string, group: string, alias: string, model: string): Promise<AliasMove> {
  const refs = await tx.run(queries.entityRefs, { urns: [group, model] });
  const missing = refs.filter((r) => r.type === null).map((r) => r.urn);
  if (missing.length) {
    throw new NotFoundError(`Unknown URN${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`, missing, missing[0] === group ? 'group' : 'model');
  }

  // The group first: it is the lock every move of this group's aliases queues on.
  await tx.run(queries.entityLock, { urns: [group] });
  const [lockedModel] = await tx.run(queries.entityLock, { urns: [model] });
  const status = new Map(refs.map((r) => [r.urn, r.status]));
  for (const [urn, field] of [[group, 'group'], [model, 'model']] as const) {
    if (status.get(urn) === Status.ARCHIVED) throw new BadUserInputError(`${urn} is ARCHIVED and cannot take an alias`, field, { urn });
  }
  const warnings: WriteWarning[] = [];
  if (status.get(model) === Status.DEPRECATED) {
    warnings.push({ code: 'DEPRECATED_REFERENCE', message: `${model} is DEPRECATED`, urn: model, field: 'model' });
  }

  const members = new Map((await tx.run(queries.aliasMembers, { group })).map((r) => [r.model, r.aliases]));
  const modelAliases = members.get(model);
  if (!modelAliases) {
    throw new BadUserInputError(`${model} is not a member of ${group}; link it with MEMBER_OF first`, 'model', { urn: model });
  }
  const holderUrns = [...members].filter(([urn, aliases]) => urn !== model && aliases.includes(alias)).map(([urn]) => urn).sort();
  const holders = holderUrns.length ? await tx.run(queries.entityLock, { urns: holderUrns }) : [];

  const rows: { urn: string; old: string[]; new: string[]; revision: number; reason: string }[] = [];
  if (!modelAliases.includes(alias)) {
    rows.push({
      urn: model,
      old: modelAliases,
      new: [...modelAliases, alias],
      revision: revisionOf(lockedModel.props) + 1,
      reason: `alias "${alias}" set in ${group}`,
    });
  }
  for (const h of holders) {
    const old = members.get(h.urn)!;
    rows.push({ urn: h.urn, old, new: old.filter((a) => a !== alias), revision: revisionOf(h.props) + 1, reason: `alias "${alias}" moved to ${model}` });
  }

  if (rows.length) {
    const now = new Date();
    await tx.run(queries.aliasesSet, { group, rows: rows.map((r) => ({ model: r.urn, aliases: r.new })) });
    await tx.run(queries.entityWrite, {
      now,
      actor,
      rows: rows.map((r) => ({ urn: r.urn, label: ENTITY_LABELS[EntityType.MODEL], props: {}, revision: r.revision, created: false })),
    });
    await tx.run(queries.historyRecord, {
      now,
      actor,
      source: 'api',
      changes: rows.map((r) => ({
        urn: r.urn,
        revision: r.revision,
        action: 'UPDATED',
        changes: JSON.stringify([{ field: 'aliases', old: r.old, new: r.new }]),
        reason: r.reason,
      })),
    });
  }
  await tx.run(queries.entityUnlock, { urns: [group, model, ...holderUrns] });
  return { previousHolders: holderUrns, changed: rows.length > 0, warnings };
}

function revisionOf(props: Record<string, unknown> | null): number {
  return (props?.revision as number | undefined) ?? 0;
}
