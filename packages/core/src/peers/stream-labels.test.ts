import { describe, expect, it } from 'vitest';
import { classifyStreams, decodeStreamLabels, encodeStreamLabels } from './stream-labels';

describe('stream labels', () => {
  const s = (id: string) => ({ id }) as MediaStream;
  it('round-trips and ignores other messages', () => {
    expect(decodeStreamLabels(encodeStreamLabels({ camera: 'c', screen: null }))).toEqual({ camera: 'c', screen: null });
    expect(decodeStreamLabels('hello')).toBeNull();
    expect(decodeStreamLabels('{"t":"other"}')).toBeNull();
  });
  it('classifies by label, else first = camera and second = screen', () => {
    expect(classifyStreams([s('x'), s('y')], { camera: 'y', screen: 'x' })).toEqual({ camera: s('y'), screen: s('x') });
    expect(classifyStreams([s('x'), s('y')], { camera: 'x', screen: null })).toEqual({ camera: s('x'), screen: null });
    expect(classifyStreams([s('x')], null)).toEqual({ camera: s('x'), screen: null });
  });
});
