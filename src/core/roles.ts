/** Program roles with extra powers. Everyone else is a participant. */
export const ROLES = ['admin', 'hr'] as const;
export type Role = (typeof ROLES)[number];
