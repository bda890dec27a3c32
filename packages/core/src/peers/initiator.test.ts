import { describe, expect, it } from 'vitest';
import { isInitiator, newConnectionId } from './initiator';

describe('initiator rule', () => {
  it('exactly one side of a pair initiates', () => {
    expect(isInitiator('a', 'b')).toBe(true);
    expect(isInitiator('b', 'a')).toBe(false);
  });
  it('connection ids are unique', () => {
    expect(new Set(Array.from({ length: 200 }, newConnectionId)).size).toBe(200);
  });
});
