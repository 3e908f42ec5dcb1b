import { customType } from 'drizzle-orm/pg-core';

/**
 * A moment as epoch milliseconds in a `bigint`, read back as a Date: the same value the
 * SQLite schema stores (`integer` in `timestamp_ms` mode), so a query that compares a column
 * with a number of milliseconds means the same on both databases.
 */
export const epochMs = customType<{ data: Date; driverData: string | number }>({
  dataType: () => 'bigint',
  toDriver: (value) => value.getTime(),
  // node-postgres hands a bigint over as a string (it may not fit a double; epoch ms do).
  fromDriver: (value) => new Date(Number(value)),
});
