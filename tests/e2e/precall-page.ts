// Bundled into the quickstart's page by precall-check.test.ts: a button that starts the check
// (a real click, so WebAudio may run), every status it reported, and what it created.
import { runPrecallCheck, type PrecallCheck, type PrecallStatus } from '../../packages/core/src/precall/index';

declare global {
  interface Window {
    precallSetup(options: { token: string; relayMs?: number; networkTestMs?: number }): void;
    precallRun: { statuses: PrecallStatus[]; result: PrecallStatus | null; check: PrecallCheck | null };
    /** Recorded by the init script: every track and connection the page created. */
    __created: { tracks: MediaStreamTrack[]; connections: RTCPeerConnection[] };
  }
}

window.precallRun = { statuses: [], result: null, check: null };
window.precallSetup = (options) => {
  const button = document.createElement('button');
  button.textContent = 'Check my setup';
  button.id = 'precall-start';
  button.onclick = () => {
    const check = runPrecallCheck({
      serverUrl: location.origin,
      token: options.token,
      networkTestMs: options.networkTestMs ?? 5_000,
      timeouts: { relayMs: options.relayMs ?? 15_000 },
      onProgress: (status) => window.precallRun.statuses.push(status),
    });
    window.precallRun.check = check;
    void check.result.then((status) => (window.precallRun.result = status));
  };
  document.body.append(button);
};
