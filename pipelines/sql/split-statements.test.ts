import { describe, expect, it } from 'vitest';
import { statementExcerpt, statementTexts } from './split-statements.ts';

describe('statementTexts', () => {
  it('splits at semicolons and drops empty statements', () => {
    expect(statementTexts('select 1; select 2')).toEqual(['select 1', 'select 2']);
    expect(statementTexts('select 1;;; select 2;\n')).toEqual(['select 1', 'select 2']);
  });

  it('keeps semicolons inside quotes, quoted names and dollar quotes', () => {
    expect(statementTexts(`select 'a;b', 'it''s;'; select "x;y" from t; select $$;$$, $q$;'$q$`)).toEqual([
      `select 'a;b', 'it''s;'`,
      'select "x;y" from t',
      `select $$;$$, $q$;'$q$`,
    ]);
  });

  it('leaves comments out, with the semicolons in them, and drops statements that are only comments', () => {
    expect(statementTexts('-- first; not a statement\nselect 1 /* ; */ + 2; -- trailing;')).toEqual(['select 1   + 2']);
    expect(statementTexts('  -- nothing\n /* at all */ ')).toEqual([]);
  });
});

describe('statementExcerpt', () => {
  it('puts a statement on one line, shortened with an ellipsis', () => {
    expect(statementExcerpt('select *\n  from stats')).toBe('select * from stats');
    expect(statementExcerpt('select 1234567890', 10)).toBe('select 12…');
  });
});
