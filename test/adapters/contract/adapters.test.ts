import type { Platform } from '../../../src/core/refs';
import { startConsoleDriver } from './console';
import type { ContractDriver } from './driver';
import { startSlackDriver } from './slack';
import { describeAdapterContract } from './suite';
import { startTelegramDriver } from './telegram';

/** One driver per platform: a platform added to PLATFORMS fails to compile until it has one. */
const DRIVERS: Record<Platform, () => Promise<ContractDriver>> = {
  console: startConsoleDriver,
  slack: startSlackDriver,
  telegram: startTelegramDriver,
};

for (const [platform, start] of Object.entries(DRIVERS)) describeAdapterContract(platform, start);
