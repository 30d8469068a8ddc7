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

/** Node with the TypeScript loader the apps run with. */
export const NODE_TS = [process.execPath, '-r', '@swc-node/register'];
