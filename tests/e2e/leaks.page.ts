/**
 * Runs in Chromium for leaks.test.ts (bundled with esbuild from the core's source): one meeting
 * client at a time with camera and microphone, joined and left on the test's command.
 */
import { createMeetingClient, type MeetingClient } from '@mentara/meetings-core';

let client: MeetingClient | null = null;

/** Resolves once `check` holds on the client's snapshot (checked on every change), or rejects. */
function until(c: MeetingClient, check: () => boolean, label: string, timeoutMs = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (check()) return resolve();
    const timer = setTimeout(() => {
      off();
      const s = c.getSnapshot();
      reject(new Error(`timed out waiting for ${label}: connection=${s.connection} peers=${s.remoteParticipants.map((p) => p.peerState).join(',')}`));
    }, timeoutMs);
    const off = c.subscribe(() => {
      if (!check()) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}

declare global {
  interface Window {
    __meeting: {
      /** Creates a client, turns camera and microphone on, joins and waits for `remotes` connected peers. */
      join(meetingId: string, name: string, remotes: number): Promise<void>;
      /** Waits until exactly `remotes` peers are connected. */
      peers(remotes: number): Promise<void>;
      /** Leaves (when `how` is `leave`) and destroys the client. */
      leave(how: 'leave' | 'destroy'): Promise<void>;
    };
  }
}

const connected = (c: MeetingClient, remotes: number) => () => {
  const s = c.getSnapshot();
  return s.connection === 'connected' && s.remoteParticipants.length === remotes && s.remoteParticipants.every((p) => p.peerState === 'connected');
};

window.__meeting = {
  async join(meetingId, name, remotes) {
    const c = createMeetingClient({ serverUrl: location.origin, displayName: name, webrtcConfigUrl: false, iceServers: [], networkHints: false });
    client = c;
    await c.camera.enable();
    await c.microphone.enable();
    await c.join(meetingId);
    await until(c, connected(c, remotes), `${remotes} connected peers`);
  },
  async peers(remotes) {
    if (!client) throw new Error('not joined');
    await until(client, connected(client, remotes), `${remotes} connected peers`);
  },
  async leave(how) {
    const c = client;
    client = null;
    if (!c) return;
    if (how === 'leave') await c.leave();
    c.destroy();
  },
};
