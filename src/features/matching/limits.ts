/** A group: one mentor with up to this many mentees who chose the group format. */
export const GROUP_SIZE_MAX = 4;
