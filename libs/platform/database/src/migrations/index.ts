import { CreatePlatformFoundation1795392000000 } from './1795392000000-create-platform-foundation';
import { CreateTenancy1795392000001 } from './1795392000001-create-tenancy';

/** The one ordered stream of migrations. Append; never edit one that has shipped. */
export const MIGRATIONS = [CreatePlatformFoundation1795392000000, CreateTenancy1795392000001];
