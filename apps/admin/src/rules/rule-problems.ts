import type { FieldProblem } from '../api/client';

export type RuleFileName = 'tenant.yaml' | 'units.yaml';

/** A problem of a submitted rule file, placed at its line (1-based) and YAML path. */
export interface RuleProblem {
  file: RuleFileName;
  line: number;
  path: string;
  message: string;
}

/** The request's own fields, when the body itself was refused before the files were read. */
const BODY_FIELDS: Record<string, RuleFileName> = { tenantYaml: 'tenant.yaml', unitsYaml: 'units.yaml' };

/**
 * The API names each problem `tenants/<code>/tenant.yaml:169 payments.royalties.genres[0].points`
 * (as the CLI prints it); a refused body names the field (`unitsYaml`), taken as line 1.
 */
export function ruleProblemsOf(fields: FieldProblem[]): RuleProblem[] {
  return fields.flatMap((f): RuleProblem[] => {
    const placed = /(tenant\.yaml|units\.yaml):(\d+)(?: (.*))?$/.exec(f.field);
    if (placed) return [{ file: placed[1] as RuleFileName, line: Number(placed[2]), path: placed[3] ?? '', message: f.message }];
    const file = BODY_FIELDS[f.field];
    return file ? [{ file, line: 1, path: '', message: f.message }] : [];
  });
}
