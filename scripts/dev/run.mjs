// Small process helpers shared by the dev scripts.
import { spawn } from 'node:child_process';

export function log(message) {
  console.log(`[cong] ${message}`);
}

/** Runs a command to completion; resolves with its exit code. */
export function run(command, args, { cwd, env }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', (error) => {
      console.error(`[cong] could not run ${command}: ${error.message}`);
      resolve(1);
    });
  });
}

/**
 * Runs commands side by side (each is single-threaded, or nearly: on two cores they finish in about
 * the time of the longest); each one's output is kept and printed whole, in order, once all are
 * done. Resolves with the first non-zero exit code, or 0.
 */
export async function runAll(tasks, { cwd, env }) {
  const outcomes = await Promise.all(
    tasks.map(
      ({ command, args }) =>
        new Promise((resolve) => {
          const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
          const output = [];
          child.stdout.on('data', (chunk) => output.push(chunk));
          child.stderr.on('data', (chunk) => output.push(chunk));
          // 'close', not 'exit': the pipes are drained by then (tsc writes its diagnostics last).
          child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
          child.on('error', (error) => resolve({ code: 1, output: [Buffer.from(`[cong] could not run ${command}: ${error.message}\n`)] }));
        }),
    ),
  );
  outcomes.forEach(({ code, output }, i) => {
    log(`${tasks[i].title}: ${code === 0 ? 'done' : `failed (exit code ${code})`}`);
    if (output.length) process.stdout.write(Buffer.concat(output));
  });
  return outcomes.find((o) => o.code !== 0)?.code ?? 0;
}

/** Node with the TypeScript loader the apps run with. */
export const NODE_TS = [process.execPath, '-r', '@swc-node/register'];
