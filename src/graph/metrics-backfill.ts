import { canonicalJson } from '../model/encode';
import { int } from './connect';
import type { Graph } from './graph';
import { queries } from './queries';
import { inUrnPages } from './urn-pages';

const PAGE = 500;

/** A text metric as trainingMetrics stores it (NamedValue). */
interface TextMetric {
  name?: unknown;
  value?: unknown;
  description?: unknown;
}

/**
 * Writes numeric `metrics` on models stored before they existed (migration 0007), from the values
 * of their text trainingMetrics that are numbers, a page of models per transaction. Models that have
 * numeric metrics are left alone; trainingMetrics is kept. Idempotent. Returns the models written.
 */
export function backfillNumericMetrics(graph: Graph): Promise<number> {
  return inUrnPages(
    (after) => graph.read(queries.metricsBackfillPage, { after, limit: int(PAGE) }),
    async (page) => {
      const rows = page
        .map((m) => ({ urn: m.urn, metrics: numericMetrics(m.trainingMetrics) }))
        .filter((r) => r.metrics.length > 0)
        .map((r) => ({ urn: r.urn, metrics: canonicalJson(r.metrics) }));
      return rows.length ? ((await graph.write(queries.metricsBackfillWrite, { rows }))[0]?.written ?? 0) : 0;
    },
  );
}

/**
 * The text metrics whose value reads as a finite number, as numeric metrics in the same order:
 * "0.947" -> 0.947, "1e-3" -> 0.001, "3.2%" -> 0.032 with "%" noted in the description (the
 * README's advice for moving a client by hand). Other values ("n/a", "high") are left out.
 */
export function numericMetrics(text: string): { name: string; value: number; description?: string }[] {
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(list)) return [];
  const out: { name: string; value: number; description?: string }[] = [];
  for (const m of list as TextMetric[]) {
    if (!m || typeof m.name !== 'string' || m.name.length === 0 || typeof m.value !== 'string') continue;
    const parsed = parseNumber(m.value);
    if (!parsed) continue;
    const notes = [typeof m.description === 'string' && m.description.length ? m.description : null, parsed.percent ? `converted from "${m.value.trim()}"` : null].filter(Boolean);
    out.push({ name: m.name.slice(0, 255), value: parsed.value, ...(notes.length ? { description: notes.join('; ') } : {}) });
  }
  return out;
}

function parseNumber(text: string): { value: number; percent: boolean } | null {
  const t = text.trim();
  const percent = t.endsWith('%');
  const body = percent ? t.slice(0, -1).trim() : t;
  // Number('') is 0 and Number('0x10') is 16: accept decimal notation only.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(body)) return null;
  const value = percent ? Number(body) / 100 : Number(body);
  return Number.isFinite(value) ? { value, percent } : null;
}
