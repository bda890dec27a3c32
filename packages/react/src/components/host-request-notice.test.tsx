import '../test-utils/cleanup';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../test-utils/axe';
import { renderWithClient } from '../test-utils/render';
import { joinedClient } from '../test-utils/simulated';
import { HostRequestNotice } from './host-request-notice';
import { LiveAnnouncer } from './live-announcer';

describe('HostRequestNotice', () => {
  it('explains that a host muted you, is read out once, and goes when you unmute', async () => {
    const client = await joinedClient();
    const { container } = renderWithClient(
      <>
        <HostRequestNotice />
        <LiveAnnouncer data-testid="announcer" />
      </>,
      client,
    );
    expect(container.querySelector('.mm-notice')).toBeNull();
    act(() => client.simulate.requestMute('microphone', 'Therapist'));
    await waitFor(() => expect(container.querySelector('.mm-notice')).not.toBeNull());
    const notice = container.querySelector<HTMLElement>('.mm-notice')!;
    expect(notice.textContent).toContain('Therapist muted your microphone. You can unmute when you’re ready.');
    expect(notice.dataset.source).toBe('microphone');
    expect(client.getSnapshot().media.microphone.enabled).toBe(false);
    expect(screen.getByTestId('announcer').textContent).toBe('Therapist muted your microphone. You can unmute when you’re ready.');
    expect(await axeViolations(container)).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Unmute' }));
    await waitFor(() => expect(container.querySelector('.mm-notice')).toBeNull());
    expect(client.getSnapshot().media.microphone.enabled).toBe(true);
    // Muting yourself later does not bring the old request back.
    await act(() => client.microphone.disable());
    expect(container.querySelector('.mm-notice')).toBeNull();
  });

  it('can be dismissed, and comes back for the next request; the camera has its own words', async () => {
    const client = await joinedClient();
    const { container } = renderWithClient(<HostRequestNotice />, client);
    act(() => client.simulate.requestMute('camera', 'Therapist'));
    await screen.findByText('Therapist turned off your camera. You can turn it back on when you’re ready.');
    expect(screen.getByRole('button', { name: 'Turn camera on' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(container.querySelector('.mm-notice')).toBeNull();
    expect(client.getSnapshot().media.camera.enabled).toBe(false);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 2));
      client.simulate.requestMute('microphone', 'Therapist');
    });
    await screen.findByText('Therapist muted your microphone. You can unmute when you’re ready.');
  });
});
