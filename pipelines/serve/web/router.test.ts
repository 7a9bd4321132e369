import { describe, expect, it } from 'vitest';

const { parseHash, hrefFor, withParams, pageParam } = await import('./router.js' as string);

describe('router', () => {
  it('parses a hash into decoded path segments and query params', () => {
    const route = parseHash('#/runs/gsm%3Amodel%3Doracle_chat-c%2Cx%3D1?tab=metrics&split=test&names=a&names=b');
    expect(route.path).toEqual(['runs', 'gsm:model=oracle_chat-c,x=1']);
    expect(route.params).toEqual({ tab: 'metrics', split: 'test', names: 'b' });
    expect(route.all.names).toEqual(['a', 'b']);
    expect(parseHash('').path).toEqual([]);
    expect(parseHash('#/').path).toEqual([]);
    expect(parseHash('#/leaderboard/core_scenarios').path).toEqual(['leaderboard', 'core_scenarios']);
  });

  it('builds hrefs that parse back to the same route, dropping empty params and repeating arrays', () => {
    const href = hrefFor(['runs', 'mmlu:subject=anatomy,model=a/b'], { tab: 'instances', q: '', page: 2, outcome: null, names: ['x,y', 'z'] });
    expect(href).toBe('#/runs/mmlu%3Asubject%3Danatomy%2Cmodel%3Da%2Fb?tab=instances&page=2&names=x%2Cy&names=z');
    const back = parseHash(href);
    expect(back.path).toEqual(['runs', 'mmlu:subject=anatomy,model=a/b']);
    expect(back.all.names).toEqual(['x,y', 'z']);
    expect(hrefFor(['models'])).toBe('#/models');
  });

  it('changes some params, resetting the page unless it is kept or given', () => {
    const route = parseHash('#/runs?model=m&page=3&q=gsm');
    expect(withParams(route, { model: 'n' })).toBe('#/runs?model=n&q=gsm');
    expect(withParams(route, { q: '' })).toBe('#/runs?model=m');
    expect(withParams(route, { page: 4 })).toBe('#/runs?model=m&page=4&q=gsm');
    expect(withParams(route, { sort: 1 }, { keepPage: true })).toBe('#/runs?model=m&page=3&q=gsm&sort=1');
  });

  it('reads page numbers, 1 for anything that is not a positive integer', () => {
    expect([pageParam('3'), pageParam(undefined), pageParam('0'), pageParam('x'), pageParam('-2')]).toEqual([3, 1, 1, 1, 1]);
  });
});
