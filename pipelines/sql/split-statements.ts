/**
 * @module The text of each statement of a SQL string, for messages only ("statement 2 of 3, `select …`"): DuckDB
 * parses and runs the statements (`extractStatements`), but does not say where each one starts.
 */

/**
 * Splits `sql` at the semicolons outside quotes ('…', "…", $tag$…$tag$) and comments (-- …, slash-star …); each
 * statement comes with its comments left out and is trimmed, and pieces that held nothing else are dropped
 * (DuckDB does not count them either).
 * @example statementTexts("select 'a;b'; -- done") // ["select 'a;b'"]
 */
export function statementTexts(sql: string): string[] {
  const statements: string[] = [];
  let statement = ''; // the current statement's text before `from`, comments left out
  let from = 0;
  let i = 0;
  while (i < sql.length) {
    const two = sql.slice(i, i + 2);
    const char = sql[i]!;
    const dollarTag = char === '$' ? /^\$[A-Za-z_]*\$/.exec(sql.slice(i))?.[0] : undefined;
    if (two === '--' || two === '/*' || char === ';') {
      statement += sql.slice(from, i);
      if (char === ';') {
        if (statement.trim() !== '') statements.push(statement.trim());
        statement = '';
        i++;
      } else {
        statement += ' ';
        i = two === '--' ? skipTo(sql, '\n', i + 2) : skipTo(sql, '*/', i + 2);
      }
      from = i;
    } else if (char === "'" || char === '"') i = skipTo(sql, char, i + 1); // '' (a quote in a string) reads as two strings
    else if (dollarTag !== undefined) i = skipTo(sql, dollarTag, i + dollarTag.length);
    else i++;
  }
  statement += sql.slice(from);
  if (statement.trim() !== '') statements.push(statement.trim());
  return statements;
}

/** The index just past the next `end` at or after `from` (the end of `sql` when there is none). */
function skipTo(sql: string, end: string, from: number): number {
  const at = sql.indexOf(end, from);
  return at < 0 ? sql.length : at + end.length;
}

/** A statement shortened to one line of at most `maxChars`, for a message. */
export function statementExcerpt(statement: string, maxChars = 80): string {
  const line = statement.replace(/\s+/g, ' ');
  return line.length <= maxChars ? line : `${line.slice(0, maxChars - 1)}…`;
}
