import type { en as admin } from './admin/en';
import type { en as calendars } from './calendars/en';
import type { en as content } from './content/en';
import type { en as experiments } from './experiments/en';
import type { en as feedback } from './feedback/en';
import type { en as goals } from './goals/en';
import type { en as matching } from './matching/en';
import type { en as optIn } from './opt-in/en';
import type { en as reports } from './reports/en';
import type { en as scheduling } from './scheduling/en';

/**
 * Every feature's English texts, which type each `t()` call (type-only imports: no cycle —
 * the manifests, which bring the texts themselves, import code that imports core/i18n).
 * A manifest whose texts are missing here fails to compile in registry.ts.
 */
export type FeatureMessages = typeof optIn &
  typeof matching &
  typeof scheduling &
  typeof goals &
  typeof experiments &
  typeof content &
  typeof feedback &
  typeof reports &
  typeof admin &
  typeof calendars;
