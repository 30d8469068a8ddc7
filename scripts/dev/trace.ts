/**
 * Writes docs/traceability.md, the traceability matrix of the requirement IDs of
 * shared/seeds/BRIEF.md (`npm run trace`; see scripts/dev/traceability.ts). Exits 1, listing each
 * place, when a rule file or a test name cites an ID that BRIEF.md does not have. The spec
 * scripts/dev/trace.spec.ts fails while the committed file differs from what this writes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildTrace, OUTPUT, renderTrace, ROOT } from './traceability';

// TRACE_ROOT: another checkout (the spec runs this on a fixture); TRACE_BRIEF: another BRIEF.md.
const root = process.env['TRACE_ROOT'] ?? ROOT;
const trace = buildTrace(root);
const file = join(root, OUTPUT);
const after = renderTrace(trace);
let before = '';
try {
  before = readFileSync(file, 'utf8');
} catch {
  // Not written yet.
}
if (after === before) process.stdout.write(`${OUTPUT}: current.\n`);
else {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, after);
  process.stdout.write(`${OUTPUT}: written.\n`);
}
if (trace.unknown.length) {
  process.stderr.write(
    `IDs that shared/seeds/BRIEF.md does not have:\n${trace.unknown.map((c) => `  ${c.file}:${c.line}: ${c.text}\n`).join('')}`,
  );
  process.exitCode = 1;
}
