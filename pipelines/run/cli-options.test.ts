import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { expandFlagPrefixes, HelpRequested, parseRunArgs, runHelpText } from './cli-options.ts';

const errorOf = (argv: string[]): string => {
  try {
    parseRunArgs(argv);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error('expected an error');
};

describe('parseRunArgs', () => {
  it("applies HELM's defaults", () => {
    expect(parseRunArgs(['-m', '10'])).toEqual({
      apiKeyPath: 'proxy_api_key.txt',
      confPaths: [],
      exitOnError: false,
      skipCompletedRuns: false,
      runSpecs: [],
      runEntries: [],
      enableHuggingfaceModels: [],
      enableLocalHuggingfaceModels: [],
      outputPath: 'benchmark_output',
      numThreads: 4,
      skipInstances: false,
      cacheInstances: false,
      cacheInstancesOnly: false,
      dryRun: false,
      maxEvalInstances: 10,
      suite: 'default',
      localPath: 'prod_env',
      mongoUri: '',
      disableCache: false,
      skipHelmJson: false,
      warnings: [],
    });
  });

  it('reads every flag', () => {
    const options = parseRunArgs([
      '--server-url', 'http://127.0.0.1:1959', '--api-key-path', 'key.txt',
      '-c', 'a.conf', 'b.conf', '--models-to-run', 'simple/model1', 'x/y', '--groups-to-run', 'mmlu',
      '--exit-on-error', '--skip-completed-runs', '--priority', '2',
      '-r', 'gsm:model=simple/model1', '--enable-huggingface-models', 'gpt2',
      '--enable-local-huggingface-models', '/m', '--runner-class-name', 'R', '--log-config', 'log.yaml',
      '--plugins', 'p1', '-o', 'out', '-n', '8', '--skip-instances', '--cache-instances', '--cache-instances-only',
      '-d', '-m', '5', '-t', '3', '--suite', 'v1', '--local-path', 'env', '--mongo-uri', 'mongodb://x', '--disable-cache',
    ]);
    expect(options).toMatchObject({
      serverUrl: 'http://127.0.0.1:1959',
      apiKeyPath: 'key.txt',
      confPaths: ['a.conf', 'b.conf'],
      modelsToRun: ['simple/model1', 'x/y'],
      groupsToRun: ['mmlu'],
      exitOnError: true,
      skipCompletedRuns: true,
      priority: 2,
      runEntries: ['gsm:model=simple/model1'],
      enableHuggingfaceModels: ['gpt2'],
      enableLocalHuggingfaceModels: ['/m'],
      runnerClassName: 'R',
      logConfig: 'log.yaml',
      plugins: ['p1'],
      outputPath: 'out',
      numThreads: 8,
      skipInstances: true,
      cacheInstances: true,
      cacheInstancesOnly: true,
      dryRun: true,
      maxEvalInstances: 5,
      numTrainTrials: 3,
      suite: 'v1',
      localPath: 'env',
      mongoUri: 'mongodb://x',
      disableCache: true,
    });
  });

  it('accepts unambiguous prefixes of long flags, as argparse does', () => {
    const options = parseRunArgs(['--conf', 'run_specs.conf', '--suite', 'v1', '--max-eval', '10', '--num-tr', '2', '--dry']);
    expect(options.confPaths).toEqual(['run_specs.conf']);
    expect(options.maxEvalInstances).toBe(10);
    expect(options.numTrainTrials).toBe(2);
    expect(options.dryRun).toBe(true);
    expect(parseRunArgs(['--max-eval-instances=7', '--conf-p=x.conf']).confPaths).toEqual(['x.conf']);
    // An exact flag wins over a longer one it prefixes.
    expect(parseRunArgs(['-m', '1', '--cache-instances']).cacheInstancesOnly).toBe(false);
    expect(parseRunArgs(['-m', '1', '--loc', 'env']).localPath).toBe('env');
  });

  it('rejects an ambiguous prefix, naming the candidates', () => {
    expect(errorOf(['-m', '1', '--skip'])).toBe('Ambiguous option --skip: could match --skip-completed-runs, --skip-instances.');
    expect(errorOf(['-m', '1', '--run', 'x'])).toBe('Ambiguous option --run: could match --run-specs, --run-entries, --runner-class-name.');
  });

  it('takes nargs lists and accumulates repeated --run-specs and -r', () => {
    const options = parseRunArgs(['--run-specs', 'a:model=x/y', '--run-specs', 'b:model=x/y', '-r', 'c', 'd', '-m', '3']);
    expect(options.runSpecs).toEqual(['a:model=x/y', 'b:model=x/y']);
    expect(options.runEntries).toEqual(['c', 'd']);
    expect(options.warnings).toEqual([
      'The --run-specs flag is deprecated and will be removed in a future release. Use --run-entries instead.',
    ]);
    expect(parseRunArgs(['-r', '-m', '3']).runEntries).toEqual([]); // nargs='*' may be empty
    expect(parseRunArgs(['-c=x.conf', '-m3']).confPaths).toEqual(['x.conf']);
  });

  it('accepts --local as a no-op with a note', () => {
    const options = parseRunArgs(['--local', '-m', '1']);
    expect(options.localPath).toBe('prod_env');
    expect(options.warnings).toEqual([
      '--local is a flag of older HELM versions and has no effect: runs are local unless --server-url is given.',
    ]);
  });

  it('requires -m and checks ints like Python int()', () => {
    expect(errorOf([])).toBe('the following arguments are required: -m/--max-eval-instances (e.g. -m 10).');
    expect(errorOf(['-m', '10.0'])).toBe("argument -m/--max-eval-instances: invalid int value: '10.0'.");
    expect(parseRunArgs(['-m', '1_000']).maxEvalInstances).toBe(1000);
    expect(errorOf(['-m', '5', '-n', '0'])).toBe('argument -n/--num-threads: must be at least 1, got 0.');
    expect(errorOf(['-m', '5', '--priority', 'high'])).toBe("argument --priority: invalid int value: 'high'.");
  });

  it('rejects unknown flags with suggestions, stray arguments and bad combinations', () => {
    expect(errorOf(['-m', '1', '--conf-file', 'x.conf'])).toBe("Unknown option --conf-file. Did you mean: --conf-paths? See --help.");
    expect(errorOf(['-m', '1', 'stray'])).toMatch(/too many arguments/);
    expect(errorOf(['-m', '1', '--cache-instances-only'])).toBe(
      'If --cache-instances-only is set, --cache-instances must also be set.',
    );
    expect(errorOf(['-m', '1', '-c'])).toMatch(/argument missing/);
  });

  it('reports --help without requiring -m', () => {
    expect(() => parseRunArgs(['--help'])).toThrow(HelpRequested);
    try {
      parseRunArgs(['-h']);
    } catch (e) {
      expect((e as HelpRequested).text).toContain('--max-eval-instances <n>');
    }
    expect(runHelpText()).toContain('-c, --conf-paths <values...>');
  });
});

describe('expandFlagPrefixes', () => {
  it('leaves values, short flags and everything after -- alone', () => {
    expect(expandFlagPrefixes(['--conf', 'a', '-m', '1', '--', '--conf'])).toEqual(['--conf-paths', 'a', '-m', '1', '--', '--conf']);
    expect(expandFlagPrefixes(['--nonsense'])).toEqual(['--nonsense']);
  });
});
