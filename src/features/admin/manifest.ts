import type { Feature } from '../feature';
import { broadcastActions } from './broadcast';
import { adminCommand } from './command';
import { confirmActions } from './confirm';

/** `/admin`: roles, topics, programs, broadcasts, and the Yes / Cancel of its big steps. */
export const admin = {
  name: 'admin',
  commands: { admin: adminCommand },
  actions: [broadcastActions, confirmActions],
  formerActionIds: { bc: 'admin.send', ac: 'admin.ok' },
} satisfies Feature;
