import { Unit } from './lib/unit.entity';

export { Unit, type UnitProfileData } from './lib/unit.entity';
export {
  type NewUnit,
  type UnitChanges,
  UnitDirectory,
  UnitErrors,
  unitLineage,
  unitSubtree,
  type UnitView,
} from './lib/unit-directory.service';
export { PublicUnitDirectory, type PublicUnit } from './lib/public-unit-directory';
export { UnitRepository, unitIdsByCode } from './lib/unit.repository';
export { applyUnitTree, hasUnitChanges, planUnitTree, type UnitChange, type UnitTreeChanges, type WantedUnit } from './lib/unit-tree.sync';

export const UNITS_ENTITIES = [Unit];
export { UnitsModule } from './lib/units.module';
