/**
 * RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled, lines end in
 * CRLF. A field starting with = + - @ or a tab gets a leading apostrophe, so a spreadsheet opening
 * the export never runs a formula hidden in a name (OWASP "CSV injection").
 */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
