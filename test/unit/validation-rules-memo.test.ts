import { getMetadataStorage, IsString, MaxLength, validate, ValidateNested } from 'class-validator';
import { memoizeRuleLookup } from '../../src/errors/validation-rules-memo';

// The server validates with these options (src/errors/validate-input.ts).
const OPTIONS = { skipMissingProperties: true, forbidUnknownValues: false };

class Owner {
  @IsString()
  id!: string;
}

class Base {
  @MaxLength(5)
  name!: string;
}

class Child extends Base {
  @IsString()
  kind!: string;

  @ValidateNested({ each: true })
  owners?: Owner[];
}

const child = (values: Partial<Child>) => Object.assign(new Child(), values);
const owner = (id: unknown) => Object.assign(new Owner(), { id });

/** Every error as "path: constraint", nested children flattened. */
function flat(errors: Awaited<ReturnType<typeof validate>>, prefix = ''): string[] {
  return errors.flatMap((e) => [
    ...Object.keys(e.constraints ?? {}).map((c) => `${prefix}${e.property}: ${c}`),
    ...flat(e.children ?? [], `${prefix}${e.property}.`),
  ]);
}

describe('memoizeRuleLookup', () => {
  const storage = getMetadataStorage();

  it('answers each lookup as class-validator does, and later lookups of a class from the memo', async () => {
    const before = storage.getTargetValidationMetadatas(Child, '', false, false);
    const invalid = child({ name: 'too long a name', kind: 1 as unknown as string, owners: [owner('a'), owner(2)] });
    const unmemoized = flat(await validate(invalid, OPTIONS));
    memoizeRuleLookup(storage);
    memoizeRuleLookup(storage); // installing twice wraps once
    const first = storage.getTargetValidationMetadatas(Child, '', false, false);
    expect(first).toEqual(before);
    expect(storage.getTargetValidationMetadatas(Child, '', false, false)).toBe(first);
    expect(storage.groupByPropertyName(first)).toBe(storage.groupByPropertyName(first));
    // Nested objects are looked up with the parent's class name as schema: memoized as well.
    const nested = storage.getTargetValidationMetadatas(Owner, 'Child', false, false);
    expect(storage.getTargetValidationMetadatas(Owner, 'Child', false, false)).toBe(nested);
    expect(nested.map((m) => m.propertyName)).toEqual(['id']);
    // Inherited rules, nested objects and their paths: the same errors as without the memo.
    expect(flat(await validate(invalid, OPTIONS))).toEqual(unmemoized);
    expect(unmemoized).toEqual(expect.arrayContaining(['name: maxLength', 'kind: isString', 'owners.1.id: isString']));
    expect(await validate(child({ name: 'ok', kind: 'k', owners: [owner('a')] }), OPTIONS)).toEqual([]);
  });

  it('forgets what it memoized when a rule is registered later', async () => {
    memoizeRuleLookup(storage);
    const value = child({ name: 'ok', kind: 'a kind longer than three' });
    expect(await validate(value, OPTIONS)).toEqual([]);
    MaxLength(3)(Child.prototype, 'kind');
    expect(flat(await validate(value, OPTIONS))).toEqual(['kind: maxLength']);
  });
});
