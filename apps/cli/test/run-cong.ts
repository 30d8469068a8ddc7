import { runCli } from '../src/cong';

/** Runs `cong` in-process with the given environment, capturing everything it prints. */
export async function runCong(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; output: string }> {
  const out: string[] = [];
  const spies = [
    jest.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' '))),
    jest.spyOn(console, 'error').mockImplementation((...a) => void out.push(a.join(' '))),
    jest.spyOn(process.stderr, 'write').mockImplementation((s) => (out.push(String(s)), true)),
    jest.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true)),
  ];
  try {
    return { code: await runCli(args, { env }), output: out.join('\n') };
  } finally {
    spies.forEach((s) => s.mockRestore());
  }
}
