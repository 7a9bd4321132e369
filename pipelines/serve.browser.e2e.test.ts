/**
 * helm-server in a real browser (issue 17): Debian's chromium driven by playwright-core opens every page of the
 * viewer on a quickstart suite made here (helm-run + helm-summarize), clicks leaderboard → runs → run → instances,
 * filters and pages, and checks what is shown against the summarize files, the run's HELM files and the results
 * store (helm-sql). The same checks of the run page run on the static export (--export-path) served by a plain
 * file server. Screenshots go to the suite's temp dir and to /tmp/helm-server-screenshots/.
 *
 * Hook for larger suites: SUITES below is the list of suites the whole file runs on; a case names how to make its
 * output folder, the run to open and how many instances per page to expect. The large generated suite (a run of a few
 * thousand instances, paged to its last page) is one more entry there.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { sqlString } from '../sinks/duckdb/open-database.ts';
import { LARGE_ROBUST_RUN, LARGE_RUN, makeLargeSuite, startViewer, type ViewerServer } from './__fixtures__/viewer-suites.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const SHOTS = '/tmp/helm-server-screenshots';
const PER_PAGE = 20;
const run = promisify(execFile);

interface SuiteCase {
  /** Label of the describe block and prefix of the screenshots. */
  label: string;
  suite: string;
  /** Makes `<out>/runs/<suite>` (async child processes only). */
  make(out: string): Promise<void>;
  /** The run whose instances are opened, filtered and paged (it has perturbed variants). */
  run: string;
  /** A run of the same scenario to compare `run` with. */
  compareWith: string;
  /** The group whose leaderboard is opened first, and the perturbation the instances are filtered by. */
  group: string;
  perturbation: string;
}

const node = (args: string[], timeout = 120_000) => run(process.execPath, args, { cwd: ROOT, timeout, maxBuffer: 64 << 20 });

const SUITES: SuiteCase[] = [
  {
    label: 'quickstart',
    suite: 'quickstart',
    async make(out) {
      await node(['pipelines/run.js', '-c', 'configs/quickstart.conf', '--suite', 'quickstart', '-m', '50', '-o', out]);
      await node(['pipelines/summarize.js', '-o', out, '--suite', 'quickstart', '--schema-path', 'configs/schema_quickstart.yaml']);
    },
    run: 'simple_mcqa:model=simple_model1,data_augmentation=robustness',
    compareWith: 'simple_mcqa:model=simple_model1',
    group: 'quickstart',
    perturbation: 'mild_mix',
  },
  {
    // Generated MMLU questions, 2,000 instances per run (100 pages of 20), plain and with robustness copies.
    label: 'large',
    suite: 'large',
    make: (out) => makeLargeSuite(out, 2000, { robustness: true }),
    run: LARGE_ROBUST_RUN,
    compareWith: LARGE_RUN,
    group: 'core_scenarios', // the first group of the classic schema's groups.json, where / leads
    perturbation: 'mild_mix',
  },
];

/** HELM's viewer rounding (helm-frontend RowValue.tsx): 3 decimals; no value → "-". */
const shown = (value: unknown) => (value === undefined || value === null ? '-'
  : typeof value === 'number' ? String(Math.round(value * 1000) / 1000) : String(value));

/** A plain static file server over `dir` (as any static host would serve an export). */
function staticServer(dir: string): Promise<{ server: Server; base: string }> {
  const types: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.json': 'application/json' };
  const server = createServer(async (req, res) => {
    const url = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const path = url === '/' ? '/index.html' : url;
    try {
      const body = await readFile(join(dir, path));
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    resolve({ server, base: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
  }));
}

/** Rows of helm-sql --json (one JSON object a line). */
async function sql(suiteDir: string, query: string): Promise<Record<string, unknown>[]> {
  const { stdout } = await node(['pipelines/sql.js', suiteDir, query, '--json']);
  return stdout.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
}

for (const c of SUITES) {
  describe(`helm-server in chromium: ${c.label}`, () => {
    let tmp: string;
    let suiteDir: string;
    let server: ViewerServer | undefined;
    let files: Server | undefined;
    let base: string;
    let browser: Browser | undefined;
    let page: Page;
    const shots: string[] = [];
    const json = async (path: string) => JSON.parse(await readFile(join(suiteDir, path), 'utf8'));
    const runJson = (runName: string, file: string) => json(join(runName, file));

    /** Goes to a hash and waits until that page has drawn (body[data-ready=<ready>]). */
    async function open(hash: string, ready: string, at = base) {
      await page.goto(`${at}/${hash}`);
      await page.waitForSelector(`body[data-ready="${ready}"]`);
    }
    /** Does something that navigates, then waits for the new page (the old ready flag is cleared first). */
    async function then(action: () => Promise<unknown>, ready: string) {
      await page.evaluate('delete document.body.dataset.ready');
      await action();
      await page.waitForSelector(`body[data-ready="${ready}"]`);
    }
    const text = (testid: string) => page.getByTestId(testid).first().innerText();
    async function shot(name: string) {
      const path = join(tmp, 'screenshots', `${c.label}-${name}.png`);
      await page.screenshot({ path, fullPage: true });
      shots.push(path);
    }
    const instanceIds = () => page.getByTestId('instance').evaluateAll((els) => els.map((e) => e.getAttribute('data-instance-id')));

    beforeAll(async () => {
      if (!existsSync(CHROMIUM)) {
        throw new Error(`${CHROMIUM} is missing: the browser tests drive Debian's chromium. Install it once with: apt-get install chromium`);
      }
      tmp = await mkdtemp(join(tmpdir(), 'helm-server-browser-'));
      await mkdir(join(tmp, 'screenshots'));
      const out = join(tmp, 'out');
      await c.make(out);
      suiteDir = join(out, 'runs', c.suite);
      server = await startViewer(['-o', out, '--suite', c.suite, '-p', '0']);
      base = server.url.replace(/\/$/, '');
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
      page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.setDefaultTimeout(15_000);
    }, 180_000);

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      files?.close();
      if (shots.length) {
        await mkdir(SHOTS, { recursive: true });
        for (const path of shots) await copyFile(path, join(SHOTS, path.split('/').pop()!));
        console.log(`screenshots:\n${shots.map((p) => `  ${p}\n  ${join(SHOTS, p.split('/').pop()!)}`).join('\n')}`);
      }
      if (tmp) await rm(join(tmp, 'out'), { recursive: true, force: true });
    });

    it('redirects / to the leaderboard and shows each table of the group as summarize wrote it', async () => {
      await open('#/', 'leaderboard');
      expect(page.url()).toBe(`${base}/#/leaderboard/${c.group}`);
      const tables = await json(`groups/${c.group}.json`);
      for (let n = 0; n < tables.length; n++) {
        const table = tables[n];
        await open(`#/leaderboard/${c.group}?table=${n}`, 'leaderboard');
        const grid = page.getByTestId('leaderboard-table');
        expect(await grid.locator('th').allInnerTexts()).toEqual(table.header.map((h: { value: string }) => h.value));
        const cells = await grid.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => ({
          text: td.innerText, bold: td.style.fontWeight, title: td.getAttribute('title'), link: td.querySelector('a')?.getAttribute('href') ?? null,
        }))));
        expect(cells.map((row) => row.map((cell) => cell.text))).toEqual(table.rows.map((row: { value?: unknown }[]) => row.map((cell) => shown(cell.value))));
        table.rows.forEach((row: { style?: Record<string, string>; description?: string; run_spec_names?: string[] }[], r: number) => row.forEach((cell, i) => {
          expect(cells[r]![i]!.bold).toBe(cell.style?.['font-weight'] ?? '');
          expect(cells[r]![i]!.title).toBe(cell.description || null);
          if (cell.run_spec_names?.length === 1) expect(cells[r]![i]!.link).toBe(`#/runs/${encodeURIComponent(cell.run_spec_names[0]!)}`);
        }));
        const bars = await page.getByTestId('chart').locator('rect').evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('data-value'))));
        const numeric = table.header.findIndex((_: unknown, i: number) => i > 0 && table.rows.some((row: { value?: unknown }[]) => typeof row[i]!.value === 'number'));
        // A table with no number in any column (a group whose metrics the runs lack) draws no bar.
        expect(bars).toEqual(numeric < 0 ? [] : table.rows.map((row: { value?: unknown }[]) => row[numeric]!.value).filter((v: unknown) => typeof v === 'number'));
        if (n === 0) await shot('leaderboard');
      }
    });

    it('sorts a leaderboard column and keeps the sort in the URL', async () => {
      await open(`#/leaderboard/${c.group}`, 'leaderboard');
      const th = page.getByTestId('leaderboard-table').locator('th').nth(0);
      await th.click();
      expect(await th.getAttribute('aria-sort')).toBe('ascending');
      expect(page.url()).toContain('sort=0&dir=1');
      await th.click();
      expect(await th.getAttribute('aria-sort')).toBe('descending');
    });

    it('lists schema.json\'s models and the scenarios that have runs, with their main metric', async () => {
      const schema = await json('schema.json');
      await open('#/models', 'models');
      const models = await page.getByTestId('models-table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText)));
      expect(models).toEqual(schema.models.map((m: Record<string, string>) => [m.display_name ?? m.name, m.name, m.creator_organization ?? '', m.access ?? '', m.release_date ?? '', m.description ?? '']));
      await shot('models');

      const specs: { groups: string[] }[] = await json('run_specs.json');
      const withRuns = schema.run_groups.filter((g: { name: string }) => specs.some((s) => s.groups.includes(g.name)));
      await open('#/scenarios', 'scenarios');
      const rows = await page.getByTestId('scenarios-table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText)));
      expect(rows.map((r) => [r[0], r[1], r[4]])).toEqual(withRuns.map((g: { display_name: string; name: string; environment: { main_name?: string } }) => [
        g.display_name, g.name, schema.metrics.find((m: { name: string }) => m.name === g.environment.main_name)?.display_name ?? '']));
      await shot('scenarios');
    });

    it('lists, searches and filters the runs of the store', async () => {
      const [{ n }] = await sql(suiteDir, 'SELECT count(*)::INTEGER AS n FROM runs') as [{ n: number }];
      await open('#/runs', 'runs');
      expect(await text('runs-total')).toBe(`${n} runs`);
      expect(await page.getByTestId('runs-table').locator('tbody tr').count()).toBe(Math.min(n, 50));
      await shot('runs');
      await then(() => page.getByTestId('runs-filter-perturbation').selectOption(c.perturbation), 'runs');
      expect(page.url()).toContain(`perturbation=${c.perturbation}`);
      const specs: { name: string; data_augmenter_spec?: { perturbation_specs: unknown[] } }[] = await json('run_specs.json');
      const perturbed = specs.filter((s) => s.data_augmenter_spec?.perturbation_specs.length).map((s) => s.name).sort();
      expect(await page.getByTestId('runs-table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-run')))).toEqual(perturbed);
      await then(async () => {
        await page.getByTestId('runs-search').fill('NO SUCH RUN');
        await page.getByTestId('runs-search').press('Enter');
      }, 'runs');
      expect(await text('runs-total')).toBe('0 runs');
    });

    it('clicks leaderboard → runs → run → instances, each shown as the run\'s files and store hold it', async () => {
      await open(`#/leaderboard/${c.group}`, 'leaderboard');
      const tables = await json(`groups/${c.group}.json`);
      const linked = tables[0].rows[0].findIndex((cell: { run_spec_names?: string[] }) => cell.run_spec_names?.includes(c.run));
      const names: string[] = tables[0].rows[0][linked].run_spec_names;
      await then(() => page.getByTestId('leaderboard-table').locator('tbody tr').first().locator('td').nth(linked).locator('a').click(),
        names.length === 1 ? 'run' : 'runs');
      if (names.length > 1) {
        expect(await text('runs-total')).toBe(`${names.length} runs`);
        await then(() => page.locator(`[data-testid=runs-table] tr[data-run="${c.run}"] a`).click(), 'run');
      }
      expect(await text('run-title')).toBe(c.run);
      const spec = await runJson(c.run, 'run_spec.json');
      const adapter = Object.fromEntries(await page.getByTestId('adapter-spec').locator('tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')!.innerText, tr.querySelector('td')!.innerText])));
      expect(adapter.method).toBe(spec.adapter_spec.method);
      expect(adapter.max_train_instances).toBe(String(spec.adapter_spec.max_train_instances));
      expect(adapter.model_deployment).toBe(spec.adapter_spec.model_deployment);

      const [{ n }] = await sql(suiteDir, `SELECT count(DISTINCT instance_id)::INTEGER AS n FROM request_states WHERE run_name = ${sqlString(c.run)}`) as [{ n: number }];
      const pages = Math.ceil(n / PER_PAGE);
      expect(await text('instances-total')).toBe(`${n} instances`);
      expect(await text('page-info')).toBe(`Page 1 of ${pages}`);
      const instances: { id: string; input: { text: string }; references: { tags: string[] }[]; perturbation?: { name: string } }[] = await runJson(c.run, 'instances.json');
      const ids = [...new Set(instances.map((i) => i.id))];
      expect(await instanceIds()).toEqual(ids.slice(0, PER_PAGE));
      await shot('run-instances');

      // The first instance: every variant's input, references, prompt, completion and exact_match, as the files say.
      const first = page.getByTestId('instance').first();
      const variants = instances.filter((i) => i.id === ids[0]);
      expect(await first.getByTestId('instance-variant').evaluateAll((els) => els.map((e) => e.getAttribute('data-perturbation'))))
        .toEqual(variants.map((v) => v.perturbation?.name ?? 'original'));
      const predictions: { instance_id: string; perturbation?: { name: string }; predicted_text: string; stats: Record<string, number> }[] = await runJson(c.run, 'display_predictions.json');
      const requests: { request: { prompt: string } }[] = await runJson(c.run, 'display_requests.json');
      for (const [v, variant] of variants.entries()) {
        const shownVariant = first.getByTestId('instance-variant').nth(v);
        expect(await shownVariant.locator('pre.input').innerText()).toBe(variant.input.text);
        expect(await shownVariant.getByTestId('reference').evaluateAll((els) => els.map((e) => e.getAttribute('data-correct'))))
          .toEqual(variant.references.map((r) => String(r.tags.includes('correct'))));
        const k = predictions.findIndex((p) => p.instance_id === variant.id && p.perturbation?.name === variant.perturbation?.name);
        expect(await shownVariant.getByTestId('prompt').textContent()).toBe(requests[k]!.request.prompt);
        expect(await shownVariant.getByTestId('completion').textContent()).toBe(predictions[k]!.predicted_text);
        const em = await shownVariant.getByTestId('instance-stats').locator('tr[data-metric="exact_match"] td').last().innerText();
        expect(em).toBe(shown(predictions[k]!.stats.exact_match));
      }
      const [stored] = await sql(suiteDir, `SELECT completion FROM request_states WHERE run_name = ${sqlString(c.run)} AND instance_id = ${sqlString(ids[0]!)} AND perturbation_name IS NULL`);
      expect(await first.getByTestId('completion').first().textContent()).toBe(stored!.completion);

      // Paging: next, then the last page.
      await then(() => page.getByTestId('page-next').click(), 'run');
      expect(await text('page-info')).toBe(`Page 2 of ${pages}`);
      expect(await instanceIds()).toEqual(ids.slice(PER_PAGE, 2 * PER_PAGE));
      await open(`#/runs/${encodeURIComponent(c.run)}?page=${pages}`, 'run');
      expect(await text('page-info')).toBe(`Page ${pages} of ${pages}`);
      expect(await instanceIds()).toEqual(ids.slice((pages - 1) * PER_PAGE));
      expect(await page.getByTestId('page-next').getAttribute('href')).toBeNull();
      await then(() => page.getByTestId('page-prev').click(), 'run');
      expect(await text('page-info')).toBe(`Page ${pages - 1} of ${pages}`);
    });

    it('filters instances by perturbation, outcome and text, with the filters in the URL', async () => {
      const href = `#/runs/${encodeURIComponent(c.run)}`;
      await open(href, 'run');
      const instances: { id: string; input: { text: string }; perturbation?: { name: string } }[] = await runJson(c.run, 'instances.json');
      const predictions: { instance_id: string; perturbation?: unknown; predicted_text: string; stats: Record<string, number> }[] = await runJson(c.run, 'display_predictions.json');
      const requests: { instance_id: string; request: { prompt: string } }[] = await runJson(c.run, 'display_requests.json');

      await then(() => page.getByTestId('filter-perturbation').selectOption(c.perturbation), 'run');
      expect(page.url()).toContain(`perturbation=${c.perturbation}`);
      const withVariant = new Set(instances.filter((i) => i.perturbation?.name === c.perturbation).map((i) => i.id));
      expect(await text('instances-total')).toBe(`${withVariant.size} instances`);
      expect(await page.getByTestId('instance').first().getByTestId('instance-variant').evaluateAll((els) => els.map((e) => e.getAttribute('data-perturbation'))))
        .toEqual(['original', c.perturbation]);
      await shot('run-perturbation');

      await then(() => page.getByTestId('filter-perturbation').selectOption('original'), 'run');
      expect(await page.getByTestId('instance-variant').count()).toBe(Math.min(PER_PAGE, new Set(instances.map((i) => i.id)).size));

      const incorrect = predictions.filter((p) => !p.perturbation && p.stats.exact_match! < 0.5).length;
      await then(() => page.getByTestId('filter-outcome').selectOption('incorrect'), 'run');
      expect(page.url()).toContain('outcome=incorrect');
      expect(await text('instances-total')).toBe(`${incorrect} instances`);

      const needle = instances.find((i) => !i.perturbation && instances.indexOf(i) > 2 * PER_PAGE)?.input.text ?? instances[0]!.input.text;
      const lower = needle.toLowerCase();
      const matching = new Set([
        ...instances.filter((i) => i.input.text.toLowerCase().includes(lower)).map((i) => i.id),
        ...requests.filter((r) => r.request.prompt.toLowerCase().includes(lower)).map((r) => r.instance_id),
        ...predictions.filter((p) => p.predicted_text.toLowerCase().includes(lower)).map((p) => p.instance_id),
      ]);
      await open(href, 'run');
      await then(async () => {
        await page.getByTestId('instances-search').fill(needle.toUpperCase());
        await page.getByTestId('instances-search').press('Enter');
      }, 'run');
      expect(await text('instances-total')).toBe(`${matching.size} instances`);
      await then(() => page.goBack(), 'run');
      expect(page.url()).toBe(`${base}/${href}`);
    });

    it('shows all the run\'s stats, filterable by split and perturbation', async () => {
      const stats: { name: { split?: string; perturbation?: unknown } }[] = await runJson(c.run, 'stats.json');
      await open(`#/runs/${encodeURIComponent(c.run)}`, 'run');
      await then(() => page.getByTestId('tab-metrics').click(), 'run');
      expect(await page.getByTestId('metrics-table').locator('tbody tr').count()).toBe(stats.length);
      await shot('run-metrics');
      await then(() => page.getByTestId('filter-perturbation').selectOption('original'), 'run');
      expect(await page.getByTestId('metrics-table').locator('tbody tr').count()).toBe(stats.filter((s) => !s.name.perturbation).length);
      await then(() => page.getByTestId('filter-split').selectOption('test'), 'run');
      expect(await page.getByTestId('metrics-table').locator('tbody tr').count()).toBe(stats.filter((s) => !s.name.perturbation && s.name.split === 'test').length);
    });

    it('compares two runs instance by instance, with the count of differing instances', async () => {
      const a: { instance_id: string; perturbation?: unknown; predicted_text: string; stats: Record<string, number> }[] = await runJson(c.compareWith, 'display_predictions.json');
      const b: typeof a = await runJson(c.run, 'display_predictions.json');
      // Joined as the server joins them: a full outer join on (instance, perturbation); a row differs when its
      // exact_match values differ (a side without the variant has none).
      const key = (p: { instance_id: string; perturbation?: unknown }) => `${p.instance_id} ${JSON.stringify(p.perturbation ?? null)}`;
      const va = new Map(a.map((p) => [key(p), p.stats.exact_match]));
      const vb = new Map(b.map((p) => [key(p), p.stats.exact_match]));
      const joined = [...new Set([...va.keys(), ...vb.keys()])];
      const differing = joined.filter((k) => va.get(k) !== vb.get(k)).length;
      await open('#/compare', 'compare');
      await page.getByTestId('compare-a').fill(c.compareWith);
      await page.getByTestId('compare-b').fill(c.run);
      await then(() => page.getByRole('button', { name: 'Compare' }).click(), 'compare');
      expect(await text('compare-differing')).toBe(`${differing} of ${joined.length} instances differ`);
      expect(await page.getByTestId('compare-table').locator('tbody tr').count()).toBe(Math.min(PER_PAGE, joined.length));
      await shot('compare');
    });

    it('works as a static export (HELM_STREAM_API = null) from a plain file server', async () => {
      const site = join(tmp, 'site');
      await node(['pipelines/serve.js', '-o', join(tmp, 'out'), '--suite', c.suite, '--export-path', site]);
      let at: string;
      ({ server: files, base: at } = await staticServer(site));
      const instances: { id: string }[] = await runJson(c.run, 'instances.json');
      const ids = [...new Set(instances.map((i) => i.id))];
      await open(`#/runs/${encodeURIComponent(c.run)}`, 'run', at);
      expect(await text('run-title')).toBe(c.run);
      expect(await text('instances-total')).toBe(`${ids.length} instances`);
      expect(await instanceIds()).toEqual(ids.slice(0, PER_PAGE));
      await then(() => page.getByTestId('page-next').click(), 'run');
      expect(await instanceIds()).toEqual(ids.slice(PER_PAGE, 2 * PER_PAGE));
      await open('#/runs', 'runs', at);
      expect(await text('runs-total')).toBe(`${(await json('run_specs.json')).length} runs`);
      await shot('static-export');
    });
  });
}
