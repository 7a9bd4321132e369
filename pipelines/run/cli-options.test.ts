import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { expandFlagPrefixes, HelpRequested, parseRunArgs, refuseUnsupported, runHelpText } from './cli-options.ts';

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
      '--local has no effect here: runs are always local.',
    ]);
  });

  it('warns about each flag that is accepted and has no effect', () => {
    expect(parseRunArgs(['-m', '1', '--log-config', 'log.yaml', '--api-key-path', 'k.txt']).warnings).toEqual([
      '--api-key-path has no effect here: it is read only with --server-url.',
      '--log-config has no effect here: logs go to stderr.',
    ]);
  });

  it('requires -m and checks ints like Python int()', () => {
    expect(errorOf([])).toBe('the following arguments are required: -m/--max-eval-instances (e.g. -m 10).');
    expect(errorOf(['-m', '10.0'])).toBe("argument -m/--max-eval-instances: invalid int value: '10.0' (give an integer from 0 to 9007199254740991).");
    expect(parseRunArgs(['-m', '1_000']).maxEvalInstances).toBe(1000);
    expect(errorOf(['-m', '5', '-n', '0'])).toBe('argument -n/--num-threads: must be at least 1, got 0.');
    expect(errorOf(['-m', '5', '--priority', 'high'])).toBe(
      "argument --priority: invalid int value: 'high' (give an integer from -9007199254740991 to 9007199254740991).",
    );
  });

  it('refuses integers a run could not keep exactly (beyond 2^53 - 1), naming the flag and the range', () => {
    // Before: -m 99999999999999999999 ran, and DuckDB failed at the very end ("bigint out of int64 range").
    expect(errorOf(['-m', '99999999999999999999'])).toBe(
      'argument -m/--max-eval-instances: must be an integer from 0 to 9007199254740991, got 99999999999999999999.',
    );
    expect(errorOf(['-m', '9007199254740992'])).toBe(
      'argument -m/--max-eval-instances: must be an integer from 0 to 9007199254740991, got 9007199254740992.',
    );
    expect(parseRunArgs(['-m', '9007199254740991']).maxEvalInstances).toBe(Number.MAX_SAFE_INTEGER);
    expect(errorOf(['-m', '-1'])).toBe('argument -m/--max-eval-instances: must be at least 0, got -1.');
    expect(errorOf(['-m', '1', '-n', '1e3'])).toBe("argument -n/--num-threads: invalid int value: '1e3' (give an integer from 1 to 9007199254740991).");
    for (const flag of ['-n', '-t', '--max-concurrency', '--requests-per-minute', '--tokens-per-minute', '--request-timeout', '--priority']) {
      expect(errorOf(['-m', '1', flag, '1' + '0'.repeat(20)])).toMatch(/^argument \S+: must be an integer from -?\d+ to 9007199254740991, got 1000/);
    }
    expect(errorOf(['-m', '1', '--priority', '-99999999999999999999'])).toBe(
      'argument --priority: must be at least -9007199254740991, got -99999999999999999999.',
    );
  });

  it('refuses a --suite that is not one plain folder name', () => {
    for (const [suite, problem] of [
      ['', 'is empty'],
      ['a/b', "contains a '/', '\\' or NUL"],
      ['../elsewhere', "contains a '/', '\\' or NUL"],
      ['a\\b', "contains a '/', '\\' or NUL"],
      ['.', "is '.'"],
      ['..', "is '..'"],
    ]) {
      expect(errorOf(['-m', '1', '--suite', suite!])).toBe(
        `argument --suite ${problem}: it names one folder, <output-path>/runs/<suite>, so give a plain name such as --suite v1 (got '${suite}').`,
      );
    }
    expect(parseRunArgs(['-m', '1', '--suite', 'v1.2..x']).suite).toBe('v1.2..x');
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

  it('marks in --help the flags accepted but not supported, or without effect', () => {
    const help = runHelpText().replace(/\s+/g, ' ');
    for (const flag of ['--server-url', '--runner-class-name', '--plugins', '--enable-huggingface-models', '--enable-local-huggingface-models', '--mongo-uri']) {
      expect(help).toMatch(new RegExp(`${flag} [^-]*\\(accepted; not supported here: `));
    }
    expect(help).toContain('(accepted; not supported here: the request cache is LMDB under --local-path)');
    expect(help).toContain('--log-config <value> YAML file configuring logging (accepted; no effect here: logs go to stderr)');
    expect(help).toContain('--local Run locally (a flag of older HELM versions, still in its tutorial) (accepted; no effect here: runs are always local)');
    expect(help).toMatch(/--api-key-path <value> .*\(accepted; no effect here: it is read only with --server-url\)/);
    expect(help).not.toMatch(/--max-eval-instances <n> [^(]*\(accepted/);
  });
});

describe('refuseUnsupported', () => {
  it('refuses each unsupported flag that was given, saying why', () => {
    const options = parseRunArgs(['-m', '1', '--server-url', 'http://x', '--mongo-uri', 'mongodb://x', '--plugins', 'p']);
    expect(() => refuseUnsupported(options)).toThrow(
      new UserError(
        'Not supported yet: --server-url (there is no proxy server; clients run in this process), --plugins (a new run spec, ' +
          'scenario or client is a file and a registry line), --mongo-uri (the request cache is LMDB under --local-path). Run without it.',
      ),
    );
  });

  it('lets through the defaults and flags without effect', () => {
    expect(() => refuseUnsupported(parseRunArgs(['-m', '1', '--mongo-uri', '', '--local', '--log-config', 'x']))).not.toThrow();
  });
});

describe('expandFlagPrefixes', () => {
  it('leaves values, short flags and everything after -- alone', () => {
    expect(expandFlagPrefixes(['--conf', 'a', '-m', '1', '--', '--conf'])).toEqual(['--conf-paths', 'a', '-m', '1', '--', '--conf']);
    expect(expandFlagPrefixes(['--nonsense'])).toEqual(['--nonsense']);
  });
});
