/**
 * How each entity type looks in the explorer: its label, colour and icon. The one table to extend
 * when the server learns a new kind; a type missing here still gets a generic look (grey, a plain
 * circle, its name humanized), so an explorer older than its server never breaks on one.
 */
export interface TypeStyle {
  type: string;
  label: string;
  plural: string;
  colour: string;
  /** An SVG path on a 24x24 grid, drawn with a stroke and no fill. */
  icon: string;
}

const STYLES: Record<string, Omit<TypeStyle, 'type'>> = {
  DATASET: {
    label: 'Dataset',
    plural: 'Datasets',
    colour: '#2563eb',
    icon: 'M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3v12c0 1.7-3.6 3-8 3s-8-1.3-8-3zM4 6c0 1.7 3.6 3 8 3s8-1.3 8-3M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3',
  },
  FEATURE: { label: 'Feature', plural: 'Features', colour: '#0d9488', icon: 'M12 3l9 9-9 9-9-9zM12 8v8M8 12h8' },
  FEATURE_TABLE: { label: 'Feature table', plural: 'Feature tables', colour: '#0891b2', icon: 'M3 4h18v16H3zM3 10h18M3 15h18M9 4v16' },
  MODEL: { label: 'Model', plural: 'Models', colour: '#7c3aed', icon: 'M12 2l9 5v10l-9 5-9-5V7zM3 7l9 5 9-5M12 12v10' },
  MODEL_GROUP: { label: 'Model group', plural: 'Model groups', colour: '#c026d3', icon: 'M12 3l9 5-9 5-9-5zM3 12l9 5 9-5M3 16l9 5 9-5' },
  EXPERIMENT: { label: 'Experiment', plural: 'Experiments', colour: '#a16207', icon: 'M9 3h6M10 3v6l-5 10a2 2 0 0 0 2 3h10a2 2 0 0 0 2-3l-5-10V3M7 15h10' },
  RUN: { label: 'Run', plural: 'Runs', colour: '#ea580c', icon: 'M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20zM10 8l6 4-6 4z' },
  DEPLOYMENT: { label: 'Deployment', plural: 'Deployments', colour: '#16a34a', icon: 'M4 4h16v6H4zM4 14h16v6H4zM8 7h2M8 17h2' },
  PIPELINE: { label: 'Pipeline', plural: 'Pipelines', colour: '#475569', icon: 'M3 6h6v4H3zM15 6h6v4h-6zM9 14h6v4H9zM9 8h6M6 10v6h3M18 10v6h-3' },
  JOB: { label: 'Job', plural: 'Jobs', colour: '#0f766e', icon: 'M4 5h16v14H4zM8 9h8M8 13h5' },
};

const GENERIC = { colour: '#64748b', icon: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM12 8v5M12 16v1' };

/** Entity types the explorer has a look for, in menu order. */
export const KNOWN_TYPES: readonly string[] = Object.keys(STYLES);

/** The look of `type` (an EntityType value); unknown types get a generic one. */
export function typeStyle(type: string): TypeStyle {
  const known = STYLES[type];
  if (known) return { type, ...known };
  const label = humanize(type);
  return { type, label, plural: `${label}s`, ...GENERIC };
}

/** "FEATURE_TABLE" -> "Feature table", "trainingRuns" -> "Training runs". */
export function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Statuses that get a badge (ACTIVE is the norm and gets none). */
export function statusBadge(status: string | null | undefined): string | null {
  return status && status !== 'ACTIVE' ? status.toLowerCase() : null;
}
