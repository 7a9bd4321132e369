/** @module How a command ends: its exit code from what it returned or threw, with the message a user should see. */
import { UserError } from '../../core/errors.ts';
import { HelpRequested } from './flag-table.ts';

/**
 * Runs a command's body and gives its exit code: what it returns; 0 after `--help` (printed); 2 for bad input
 * (a UserError, printed as `<name>: <message>` without a stack); 1 for an `isKnownFailure` error (printed the same
 * way) and for a bug (printed whole).
 * @example process.exitCode = await commandExit('helm-run', () => helmRun(parseRunArgs(argv)));
 */
export async function commandExit(name: string, body: () => Promise<number>, isKnownFailure: (error: unknown) => boolean = () => false): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof HelpRequested) {
      process.stdout.write(error.text);
      return 0;
    }
    if (error instanceof UserError || isKnownFailure(error)) {
      console.error(`${name}: ${(error as Error).message}`);
      return error instanceof UserError ? 2 : 1;
    }
    console.error(error);
    return 1;
  }
}
