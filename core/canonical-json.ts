/** @module The cache-key string HELM uses: Python `json.dumps(key, sort_keys=True)` (", " and ": " separators, ASCII-only). */

function escapeString(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Serializes plain JSON data with sorted keys, exactly as HELM's SQLite cache keys are written. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return escapeString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(', ')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
  return `{${keys.map((k) => `${escapeString(k)}: ${canonicalJson(record[k])}`).join(', ')}}`;
}
