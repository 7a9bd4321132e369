/** @module Python's `re.sub(pattern, replacement, text)` for the substitutions of an AdapterSpec. */

/** Expands a Python replacement template (`\n`, `\\`, `\1`, `\g<name>`) for one match. */
function expandTemplate(template: string, groups: readonly (string | undefined)[], named: Record<string, string | undefined> | undefined): string {
  const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', a: '\x07', b: '\b', '\\': '\\' };
  return template.replace(/\\(g<([^>]+)>|\d{1,2}|.)/gs, (whole, body: string, name: string | undefined) => {
    if (name !== undefined) return (/^\d+$/.test(name) ? groups[Number(name)] : named?.[name]) ?? '';
    if (/^\d+$/.test(body)) return groups[Number(body)] ?? '';
    return escapes[body] ?? whole;
  });
}

/** Replaces every match of the Python regex `source` by the Python template `target`. */
export function pythonReSub(source: string, target: string, text: string): string {
  let pattern: RegExp;
  try {
    pattern = new RegExp(source, 'gu');
  } catch {
    pattern = new RegExp(source, 'g');
  }
  return text.replace(pattern, (...args: unknown[]) => {
    const hasNamed = typeof args[args.length - 1] === 'object';
    const named = hasNamed ? (args[args.length - 1] as Record<string, string | undefined>) : undefined;
    const groups = args.slice(0, hasNamed ? -3 : -2) as (string | undefined)[];
    return expandTemplate(target, groups, named);
  });
}
