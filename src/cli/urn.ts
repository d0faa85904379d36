// The CLI builds and reads URNs with the server's own pure URN module (no copy, so the two can
// never disagree). It is the one place where the CLI imports server code; entity-type.ts and
// urn.ts import nothing but each other.
export { DEFAULT_ENV, ENTITY_TYPES, Env, EntityType } from '../model/entity-type';
export { buildUrn, parseUrn, URN_SPECS, type ParsedUrn, type UrnKey } from '../model/urn';
