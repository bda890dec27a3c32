import { useRef, useState } from 'react';
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useElementSize } from './use-element-size';

/** Shows a placeholder first and the measured box only when `shown` (like the room after the waiting screen). */
function Late() {
  const ref = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(false);
  const { width } = useElementSize(ref);
  return (
    <>
      <output>{width}</output>
      <button type="button" onClick={() => setShown((s) => !s)}>
        toggle
      </button>
      {shown ? <div ref={ref} data-testid="box" /> : <p>waiting</p>}
    </>
  );
}

describe('useElementSize', () => {
  afterEach(() => vi.restoreAllMocks());

  it('measures an element that appears after the first render, and follows it when it goes', () => {
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      return { width: this.dataset.testid === 'box' ? 390.6 : 0, height: 100 } as DOMRect;
    });
    render(<Late />);
    expect(screen.getByRole('status').textContent).toBe('0');
    act(() => screen.getByRole('button').click());
    // Whole pixels, measured although the ref was empty when the hook first ran.
    expect(screen.getByRole('status').textContent).toBe('390');
    act(() => screen.getByRole('button').click());
    act(() => screen.getByRole('button').click());
    expect(screen.getByRole('status').textContent).toBe('390');
  });
});
