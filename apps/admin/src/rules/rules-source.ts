import { api, ok, type Schemas } from '../api/client';

/**
 * Where a rules screen reads from: the IT centre's own province (`/api/v1/rules…`) or, for
 * national operators, the province they opened (`/api/v1/operator/tenants/{code}/rules…`).
 */
export interface RulesSource {
  /** The start of the screen's query keys: one cache per province. */
  key: readonly unknown[];
  inForce(on?: string): Promise<Schemas['RuleVersionDetail']>;
  versions(): Promise<Schemas['RuleVersionSummary'][]>;
  diff(from: number, to: number): Promise<Schemas['RuleChangeView'][]>;
}

export const ownRules: RulesSource = {
  key: ['rules'],
  inForce: (on) => ok(api.GET('/api/v1/rules', { params: { query: { on } } })),
  versions: () => ok(api.GET('/api/v1/rules/versions')),
  diff: (from, to) => ok(api.GET('/api/v1/rules/diff', { params: { query: { from, to } } })),
};

export const provinceRules = (code: string): RulesSource => ({
  key: ['operator', 'rules', code],
  inForce: (on) => ok(api.GET('/api/v1/operator/tenants/{code}/rules', { params: { path: { code }, query: { on } } })),
  versions: () => ok(api.GET('/api/v1/operator/tenants/{code}/rules/versions', { params: { path: { code } } })),
  diff: (from, to) => ok(api.GET('/api/v1/operator/tenants/{code}/rules/diff', { params: { path: { code }, query: { from, to } } })),
});
