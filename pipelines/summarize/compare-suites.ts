import { UserError } from '../../core/errors.ts';
export async function compareSuitesCommand(_outputPath: string, _suites: readonly [string, string]): Promise<number> {
  throw new UserError('--compare: not wired yet');
}
