import { Unit } from './unit.entity';
import { hasUnitChanges, planUnitTree, WantedUnit } from './unit-tree.sync';

let n = 0;
function stored(code: string, changes: Partial<Unit> = {}): Unit {
  return Object.assign(
    new Unit(),
    {
      id: `id-${code}-${++n}`,
      tenantId: 't',
      code,
      name: code.toUpperCase(),
      kind: 'so',
      parentId: null,
      tags: [],
      active: true,
      managedBy: 'rules',
      profile: {},
      teamLeaderId: null,
    },
    changes,
  );
}
const wanted = (code: string, changes: Partial<WantedUnit> = {}): WantedUnit => ({
  code,
  name: code.toUpperCase(),
  kind: 'so',
  tags: [],
  ...changes,
});

describe('planUnitTree: the stored tree against units.yaml, by code', () => {
  it('nothing to do when the file says what is stored (tags in any order)', () => {
    const ubnd = stored('ubnd', { tags: ['a', 'b'] });
    const soYTe = stored('so-y-te', { parentId: ubnd.id });
    const plan = planUnitTree([ubnd, soYTe], [wanted('ubnd', { tags: ['b', 'a'] }), wanted('so-y-te', { parent: 'ubnd' })]);
    expect(plan).toEqual({ added: [], changed: [], deactivated: [] });
    expect(hasUnitChanges(plan)).toBe(false);
  });

  it('adds the units the file names and the store lacks', () => {
    const plan = planUnitTree([stored('ubnd')], [wanted('ubnd'), wanted('so-moi', { parent: 'ubnd' })]);
    expect(plan.added).toEqual([wanted('so-moi', { parent: 'ubnd' })]);
    expect(hasUnitChanges(plan)).toBe(true);
  });

  it('names each changed field as `field: before → after`', () => {
    const ubnd = stored('ubnd');
    const soGd = stored('so-gd');
    const unit = stored('so-y-te', { name: 'Sở Y tế', kind: 'so', parentId: ubnd.id, tags: ['y-te'] });
    const plan = planUnitTree(
      [ubnd, soGd, unit],
      [wanted('ubnd'), wanted('so-gd'), { code: 'so-y-te', name: 'Sở Y tế tỉnh', kind: 'ban', parent: 'so-gd', tags: ['y-te', 'moi'] }],
    );
    expect(plan.changed).toEqual([
      {
        code: 'so-y-te',
        fields: ['name: "Sở Y tế" → "Sở Y tế tỉnh"', 'kind: "so" → "ban"', 'parent: "ubnd" → "so-gd"', 'tags: [y-te] → [y-te, moi]'],
      },
    ]);
  });

  it('moving a unit to the top of the tree, or under one, is a parent change', () => {
    const ubnd = stored('ubnd');
    expect(planUnitTree([ubnd, stored('x', { parentId: ubnd.id })], [wanted('ubnd'), wanted('x')]).changed).toEqual([
      { code: 'x', fields: ['parent: "ubnd" → (none)'] },
    ]);
    expect(planUnitTree([ubnd, stored('x')], [wanted('ubnd'), wanted('x', { parent: 'ubnd' })]).changed).toEqual([
      { code: 'x', fields: ['parent: (none) → "ubnd"'] },
    ]);
  });

  it('a unit the file lists again is reactivated, and one the API created is taken over by the rules', () => {
    const plan = planUnitTree(
      [stored('old', { active: false }), stored('api-made', { managedBy: 'api' })],
      [wanted('old'), wanted('api-made')],
    );
    expect(plan.changed).toEqual([
      { code: 'old', fields: ['active: false → true'] },
      { code: 'api-made', fields: ['managed by: "api" → "rules"'] },
    ]);
  });

  it('deactivates the active rule-kept units the file no longer lists, never those the API created or already inactive', () => {
    const plan = planUnitTree(
      [stored('gone'), stored('api-made', { managedBy: 'api' }), stored('long-gone', { active: false }), stored('kept')],
      [wanted('kept')],
    );
    expect(plan.deactivated).toEqual(['gone']);
    expect(plan.added).toEqual([]);
  });
});
