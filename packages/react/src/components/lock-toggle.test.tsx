import '../test-utils/cleanup';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { MeetingError } from '@mentara/meetings-core';
import { axeViolations } from '../test-utils/axe';
import { renderWithClient } from '../test-utils/render';
import { joinedClient } from '../test-utils/simulated';
import { LiveAnnouncer } from './live-announcer';
import { LockToggle } from './lock-toggle';

describe('LockToggle', () => {
  it('says what pressing it does, shows the state, and tells everyone', async () => {
    const client = await joinedClient({ role: 'host' });
    const { container } = renderWithClient(
      <>
        <LockToggle />
        <LiveAnnouncer data-testid="announcer" />
      </>,
      client,
    );
    const button = screen.getByRole('button', { name: 'Lock session' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    expect(button.dataset.state).toBe('unlocked');
    expect(await axeViolations(container)).toEqual([]);
    await userEvent.click(button);
    await waitFor(() => expect(button.getAttribute('aria-pressed')).toBe('true'));
    expect(button.textContent).toBe('Unlock session');
    expect(button.dataset.state).toBe('locked');
    expect(client.getSnapshot().meeting?.locked).toBe(true);
    expect(screen.getByTestId('announcer').textContent).toBe('The host locked the session');
    await userEvent.click(button);
    await waitFor(() => expect(button.textContent).toBe('Lock session'));
    expect(screen.getByTestId('announcer').textContent).toBe('The host unlocked the session');
  });

  it('renders nothing for participants, who still hear about it once', async () => {
    const client = await joinedClient();
    renderWithClient(
      <>
        <LockToggle />
        <LiveAnnouncer data-testid="announcer" />
      </>,
      client,
    );
    expect(screen.queryByRole('button')).toBeNull();
    act(() => client.simulate.updateMeeting({ locked: true }));
    expect(screen.getByTestId('announcer').textContent).toBe('The host locked the session');
  });

  it('keeps the real state and reports a failure', async () => {
    const client = await joinedClient({ role: 'host' });
    const onError = vi.fn();
    renderWithClient(<LockToggle onError={onError} />, client);
    const button = screen.getByRole('button', { name: 'Lock session' });
    // A client that can no longer act (destroyed underneath the UI) refuses.
    client.destroy();
    await userEvent.click(button);
    await waitFor(() => expect(onError).toHaveBeenCalledWith(expect.any(MeetingError)));
    expect(onError.mock.calls[0]![0]).toMatchObject({ code: 'destroyed' });
    expect(button.dataset.error).toBe('true');
    expect(button.getAttribute('aria-pressed')).toBe('false');
  });
});
