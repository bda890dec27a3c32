// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createSimulatedClient } from '@mentara/meetings-core/testing';
import { MeetingProvider } from '../context/meeting-provider';
import { AdmitQueue } from './admit-queue';
import { BackgroundEffectPicker } from './background-effect-picker';
import { HostRequestNotice } from './host-request-notice';
import { LeaveDialog } from './leave-dialog';
import { LockToggle } from './lock-toggle';
import { NoiseSuppressionToggle } from './noise-suppression-toggle';
import { ParticipantList } from './participant-list';
import { SessionTimer } from './session-timer';
import { WaitingRoom } from './waiting-room';

describe('session-flow components on a server', () => {
  it('import and render without a window (Next.js SSR)', () => {
    expect(typeof window).toBe('undefined');
    const html = renderToString(
      <MeetingProvider client={createSimulatedClient({ role: 'host' })} join={false}>
        <WaitingRoom />
        <AdmitQueue sound />
        <ParticipantList />
        <HostRequestNotice />
        <LeaveDialog open={false} onOpenChange={() => undefined} />
        <SessionTimer />
        <LockToggle />
        <BackgroundEffectPicker assetsUrl="/mentara-effects/" />
        <NoiseSuppressionToggle assetsUrl="/mentara-effects/" />
      </MeetingProvider>,
    );
    // Before a join only the list and the idle timer have something to say.
    expect(html).toContain('Participants (0)');
    expect(html).toContain('data-state="idle"');
  });
});
