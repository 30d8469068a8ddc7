/** The command was called wrongly (missing folder, bad flag): exit 2. */
export class CliUsageError extends Error {}

/** The input files are wrong: every problem is printed, exit 1. */
export class CliInvalidInputError extends Error {
  constructor(readonly problems: string[]) {
    super(`${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  }
}

/** A check found what it looks for (a broken audit chain): its report is printed, exit 1. */
export class CliCheckFailedError extends Error {
  constructor(readonly lines: string[]) {
    super(lines[0] ?? 'check failed');
  }
}
