// @vitest-environment node
import { describe, expect, it } from 'vitest';

describe('@mentara/meetings/element on a server', () => {
  it('imports without browser globals and defines nothing', async () => {
    expect(typeof HTMLElement).toBe('undefined');
    expect(typeof customElements).toBe('undefined');
    const element = await import('./index');
    expect(element.defineMeetingElement()).toBeUndefined();
    expect(typeof element.MentaraMeetingElement).toBe('function');
    expect(element.MentaraMeetingElement.observedAttributes).toContain('meeting-id');
  });

  it('loads the ready script’s entry without throwing', async () => {
    const ready = await import('./ready');
    expect(typeof ready.defineMeetingElement).toBe('function');
  });
});
