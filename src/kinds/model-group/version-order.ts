/** What orders one version of a model group: its label, its explicit sort id, and a tie-break. */
export interface VersionKey {
  urn: string;
  version: string | null;
  sortId: string | null;
  createdAt: Date | null;
}

// A version label: an optional "v", dot-separated numbers, an optional "-prerelease" and "+build".
// MLflow's "1", "2", "10" and semantic versions such as "1.4.0-rc.1" both fit; "1.2" is "1.2.0".
const VERSION = /^[vV]?(\d+(?:\.\d+)*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

interface Parsed {
  release: number[];
  pre: string[] | null;
}

function parse(label: string | null): Parsed | null {
  const m = label == null ? null : VERSION.exec(label.trim());
  return m ? { release: m[1].split('.').map(Number), pre: m[2] ? m[2].split('.') : null } : null;
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Semantic version precedence of two parsed labels (build metadata ignored, missing parts are 0). */
function compareParsed(a: Parsed, b: Parsed): number {
  for (let i = 0; i < Math.max(a.release.length, b.release.length); i++) {
    const d = (a.release[i] ?? 0) - (b.release[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (!a.pre || !b.pre) return a.pre ? -1 : b.pre ? 1 : 0; // a release follows its prereleases
  for (let i = 0; i < Math.min(a.pre.length, b.pre.length); i++) {
    const [x, y] = [a.pre[i], b.pre[i]];
    const [nx, ny] = [/^\d+$/.test(x), /^\d+$/.test(y)];
    const d = nx && ny ? Math.sign(Number(x) - Number(y)) : nx ? -1 : ny ? 1 : byCodePoint(x, y);
    if (d !== 0) return d;
  }
  return Math.sign(a.pre.length - b.pre.length);
}

/**
 * Orders two versions, oldest first. A version with a `sortId` follows every version without one,
 * and sort ids compare as text (code point order, DataHub's lexicographic scheme). Otherwise labels
 * compare by semantic version precedence ("2" < "10", "1.0.0-rc.1" < "1.0.0"); a label that is not
 * a version number comes before those that are, in code point order. Ties go to the older
 * `createdAt`, then the smaller URN, so the order is total and stable.
 */
export function compareVersions(a: VersionKey, b: VersionKey): number {
  if ((a.sortId == null) !== (b.sortId == null)) return a.sortId == null ? -1 : 1;
  let d = a.sortId != null && b.sortId != null ? byCodePoint(a.sortId, b.sortId) : 0;
  if (d === 0) {
    const [pa, pb] = [parse(a.version), parse(b.version)];
    if (pa && pb) d = compareParsed(pa, pb);
    else if (pa || pb) d = pa ? 1 : -1;
    else d = byCodePoint(a.version ?? '', b.version ?? '');
  }
  if (d === 0) d = Math.sign((a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0));
  return d !== 0 ? d : byCodePoint(a.urn, b.urn);
}

/** The versions newest first (the reverse of {@link compareVersions}); `keys` is left as it is. */
export function newestFirst<K extends VersionKey>(keys: readonly K[]): K[] {
  return [...keys].sort((a, b) => compareVersions(b, a));
}
