import { Command, CommanderError } from 'commander';
import { AppConfig, ConfigError } from '@cong/platform-config';
import { DomainError } from '@cong/platform-errors';
import { CliCheckFailedError, CliInvalidInputError, CliUsageError } from './cli.errors';
import { accountsCommand } from './commands/accounts.command';
import { auditCommand } from './commands/audit.command';
import { dbCommand } from './commands/db.command';
import { tenantsCommand } from './commands/tenants.command';

/** Exit codes of every `cong` command. */
export const EXIT = { ok: 0, invalidInput: 1, usage: 2 } as const;

export interface CliIo {
  env: NodeJS.ProcessEnv;
}

/** Builds the `cong` program. Configuration is read lazily so `--help` works with a bad environment. */
export function buildProgram(io: CliIo): Command {
  let config: AppConfig | undefined;
  const loadConfig = () => (config ??= AppConfig.fromEnvironment(io.env));
  const program = new Command('cong')
    .description('Cổng — công cụ quản trị nền tảng cổng thông tin điện tử cấp tỉnh')
    .showHelpAfterError()
    .exitOverride();
  program.addCommand(dbCommand(loadConfig));
  program.addCommand(tenantsCommand(loadConfig));
  program.addCommand(accountsCommand(loadConfig));
  program.addCommand(auditCommand(loadConfig));
  const override = (c: Command): void => {
    c.exitOverride();
    c.commands.forEach(override);
  };
  program.commands.forEach(override);
  return program;
}

/** Runs `cong` with argv (without node and script); returns the exit code instead of exiting. */
export async function runCli(argv: string[], io: CliIo = { env: process.env }): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) return EXIT.ok;
      return EXIT.usage;
    }
    if (error instanceof CliUsageError) {
      console.error(`error: ${error.message}`);
      return EXIT.usage;
    }
    if (error instanceof CliCheckFailedError) {
      for (const line of error.lines) console.error(line);
      return EXIT.invalidInput;
    }
    if (error instanceof CliInvalidInputError) {
      for (const problem of error.problems) console.error(problem);
      console.error(`${error.message}.`);
      return EXIT.invalidInput;
    }
    if (error instanceof ConfigError) {
      console.error(error.message);
      return EXIT.usage;
    }
    if (error instanceof DomainError) {
      console.error(`${error.code}: ${error.message}`);
      for (const f of error.fields) console.error(`  ${f.field}: ${f.message}`);
      return EXIT.invalidInput;
    }
    console.error(error instanceof Error ? `error: ${error.message}` : error);
    return EXIT.invalidInput;
  }
}
