/**
 * The value of an <input type="datetime-local" step="1"> ("2024-06-30T12:00:05", local time) as
 * the ISO instant the API takes; null for an empty or unreadable value.
 */
export function localInputToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return null;
  const date = new Date(value); // a date-time without offset is local time (ECMAScript)
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** An ISO instant as the local "YYYY-MM-DDTHH:MM:SS" a datetime-local input shows. */
export function isoToLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
