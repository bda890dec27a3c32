import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MeetingRoom } from './meeting-room';

// The project runs in happy-dom; hide the browser globals to render as a server would.
const HIDDEN = ['window', 'document', 'navigator', 'MediaStream', 'HTMLElement'] as const;
const saved = new Map<string, PropertyDescriptor | undefined>();

beforeEach(() => {
  for (const name of HIDDEN) {
    saved.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
    Object.defineProperty(globalThis, name, { value: undefined, configurable: true, writable: true });
  }
});
afterEach(() => {
  for (const name of HIDDEN) {
    const descriptor = saved.get(name);
    if (descriptor) Object.defineProperty(globalThis, name, descriptor);
  }
});

describe('MeetingRoom on the server', () => {
  it('renders the pre-join screen with a real client and no browser globals', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof navigator).toBe('undefined');
    const html = renderToString(<MeetingRoom serverUrl="http://127.0.0.1:9" meetingId="m-1" displayName="Caregiver" />);
    expect(html).toContain('class="mm-root mm-meeting"');
    expect(html).toContain('Join meeting');
    expect(html).toContain('value="Caregiver"');
  });

  it('renders the room stage', () => {
    const html = renderToString(<MeetingRoom serverUrl="http://127.0.0.1:9" meetingId="m-1" preJoin={false} />);
    expect(html).toContain('aria-label="Meeting controls"');
    expect(html).toContain('aria-label="Participants"');
    // Screen sharing needs getDisplayMedia: hidden on the server, shown after hydration where supported.
    expect(html).not.toContain('Share screen');
  });
});
