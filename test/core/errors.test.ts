import { describe, expect, it } from 'vitest';
import { codeOf, TandemError } from '../../src/core/errors';

describe('codeOf', () => {
  it('names a failure by its stable code, never by its message', () => {
    expect(codeOf(new TandemError('adapter_failed', 'token xoxb-secret refused'))).toBe(
      'adapter_failed',
    );
    expect(
      codeOf(Object.assign(new Error('disk full at /home/anna'), { code: 'SQLITE_FULL' })),
    ).toBe('SQLITE_FULL');
    expect(codeOf(new TypeError('x is not a function'))).toBe('TypeError');
    expect(codeOf('a string')).toBe('unknown');
    expect(codeOf(undefined)).toBe('unknown');
    expect(codeOf(null)).toBe('unknown');
  });
});
