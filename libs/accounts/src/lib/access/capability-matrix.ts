import { ROLES } from '@cong/rules';
import { CAPABILITIES } from './capabilities';

export const MATRIX_START = '<!-- capability-matrix:start (generated from CAPABILITIES; a test keeps it current) -->';
export const MATRIX_END = '<!-- capability-matrix:end -->';

/** CAPABILITIES as the markdown table docs/access-control.md shows, role by role. */
export function renderCapabilityMatrix(): string {
  const header = `| capability | ${ROLES.join(' | ')} |`;
  const rule = `|---|${ROLES.map(() => ':-:').join('|')}|`;
  const rows = Object.entries(CAPABILITIES).map(([capability, roles]) => {
    const cells = ROLES.map((role) => ((roles as readonly string[]).includes(role) ? '✓' : '—'));
    return `| \`${capability}\` | ${cells.join(' | ')} |`;
  });
  return [MATRIX_START, header, rule, ...rows, MATRIX_END].join('\n');
}
