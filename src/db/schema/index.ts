export * from './audit-log';
export * from './form-sessions';
export * from './inbound-events';
export * from './outbox';
export * from './profiles';
export * from './timers';
export * from './topics';
export * from './users';
