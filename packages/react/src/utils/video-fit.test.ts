import { describe, expect, it } from 'vitest';
import { coverCrop, videoFit } from './video-fit';

describe('video fit', () => {
  it('measures what cover would cut off', () => {
    expect(coverCrop(1600, 900, 1280, 720)).toBeCloseTo(0);
    expect(coverCrop(456, 700, 1280, 720)).toBeCloseTo(0.63, 2);
    expect(coverCrop(0, 0, 1280, 720)).toBe(0);
  });

  it('fills when the shapes nearly match and letterboxes otherwise', () => {
    expect(videoFit(1600, 880, 1280, 720)).toBe('cover');
    expect(videoFit(1600, 900, 640, 480)).toBe('contain');
    expect(videoFit(366, 640, 1280, 720)).toBe('contain');
    // Unknown size (no frame yet): fill, there is nothing to cut.
    expect(videoFit(400, 300, 0, 0)).toBe('cover');
  });
});
