import { getOperationAST, parse, type GraphQLSchema } from 'graphql';
import { ACCESS_RULES, requirementsOf } from '../../src/auth/access-rules';
import { Role } from '../../src/auth/role';
import { createSchema } from '../../src/schema';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await createSchema();
});

/** The highest role `query` needs with `variables`. */
function needs(query: string, variables?: Record<string, unknown>): Role {
  const document = parse(query);
  const rank = [Role.READER, Role.WRITER, Role.ADMIN];
  const roles = requirementsOf(schema, document, getOperationAST(document)!, variables).map((r) => r.role);
  return rank[Math.max(...roles.map((r) => rank.indexOf(r)))];
}

const URN = '"urn:li:dataset:(urn:li:dataPlatform:s3,x,PROD)"';

describe('requirementsOf (ACCESS_RULES applied to a whole operation)', () => {
  it('asks READER for queries and WRITER for mutations', () => {
    expect(needs('{ serverInfo { version } }')).toBe(Role.READER);
    expect(needs(`mutation { upsertDataset(input: {platform: "s3", name: "x"}) { urn } }`)).toBe(Role.WRITER);
    expect(needs(`mutation { setStatus(urn: ${URN}, status: DEPRECATED) { urn } }`)).toBe(Role.WRITER);
  });

  it('asks ADMIN for token management and archiving, however the field is reached', () => {
    expect(needs('{ serverInfo { version } apiTokens { id } }')).toBe(Role.ADMIN);
    expect(needs('mutation { createApiToken(principal: "x", role: READER) { id } }')).toBe(Role.ADMIN);
    expect(needs('mutation { revokeApiToken(id: "x") }')).toBe(Role.ADMIN);
    expect(needs(`mutation { a: upsertDataset(input: {platform: "s3", name: "x"}) { urn } b: setStatus(urn: ${URN}, status: ARCHIVED) { urn } }`)).toBe(Role.ADMIN);
    expect(needs(`mutation { ... on Mutation { setStatus(urn: ${URN}, status: ARCHIVED) { urn } } }`)).toBe(Role.ADMIN);
    expect(needs(`mutation { ...Archive } fragment Archive on Mutation { setStatus(urn: ${URN}, status: ARCHIVED) { urn } }`)).toBe(Role.ADMIN);
  });

  it('reads argument values from variables', () => {
    const q = `mutation($s: Status!) { setStatus(urn: ${URN}, status: $s) { urn } }`;
    expect(needs(q, { s: 'ARCHIVED' })).toBe(Role.ADMIN);
    expect(needs(q, { s: 'ACTIVE' })).toBe(Role.WRITER);
    expect(needs(q, { s: 'NOT_A_STATUS' })).toBe(Role.WRITER); // execution refuses it before any field runs
  });

  it('names every root field it raises, and only fields that exist', () => {
    const fields = { query: schema.getQueryType()!.getFields(), mutation: schema.getMutationType()!.getFields() };
    for (const type of ['query', 'mutation'] as const) {
      for (const name of Object.keys(ACCESS_RULES[type].fields)) expect({ type, name, exists: name in fields[type] }).toEqual({ type, name, exists: true });
    }
  });
});
