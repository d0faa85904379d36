/** What a principal may do. Each role includes the ones before it. */
export enum Role {
  /** Queries. */
  READER = 'READER',
  /** Queries and mutations (CI pipelines). */
  WRITER = 'WRITER',
  /** Everything, including archiving and token management. */
  ADMIN = 'ADMIN',
}

const RANK: Record<Role, number> = { [Role.READER]: 1, [Role.WRITER]: 2, [Role.ADMIN]: 3 };

export function hasRole(actual: Role | null, required: Role): boolean {
  return actual !== null && RANK[actual] >= RANK[required];
}

export function parseRole(text: string): Role | null {
  const upper = text.trim().toUpperCase();
  return (Object.values(Role) as string[]).includes(upper) ? (upper as Role) : null;
}

/** Who is calling: a token's principal, or anonymous with the configured anonymous role. */
export interface Principal {
  name: string;
  role: Role | null;
  anonymous: boolean;
}
