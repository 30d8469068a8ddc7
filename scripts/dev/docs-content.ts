/**
 * Writes the content-fields section of docs/content.md from the field classes of libs/content
 * (`npm run docs:content`). The spec libs/content/src/lib/types/content-fields.doc.spec.ts fails
 * while the committed section differs from what this writes.
 */
import { withContentFieldsSection } from '@cong/content';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const file = join(__dirname, '../../docs/content.md');
const before = readFileSync(file, 'utf8');
const after = withContentFieldsSection(before);
if (after === before) process.stdout.write('docs/content.md: the content fields are current.\n');
else {
  writeFileSync(file, after);
  process.stdout.write('docs/content.md: content fields section written.\n');
}
