import '../test-utils/cleanup';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../test-utils/axe';
import { renderWithClient } from '../test-utils/render';
import { joinedClient, lobbyClient } from '../test-utils/simulated';
import { LiveAnnouncer } from './live-announcer';
import { WaitingRoom } from './waiting-room';

afterEach(() => {
  vi.useRealTimers();
});

describe('WaitingRoom', () => {
  it('is a calm waiting screen with the preview, toggles, level, devices and the session time', async () => {
    const startsAt = new Date();
    startsAt.setHours(15, 0, 0, 0);
    const client = await joinedClient({ waitingRoom: true, startsAt: startsAt.getTime(), endsAt: startsAt.getTime() + 50 * 60_000 });
    const { container } = renderWithClient(<WaitingRoom locale="en-US" />, client);
    const region = screen.getByRole('region', { name: 'Your host will let you in soon' });
    expect(region.dataset).toMatchObject({ state: 'waiting', host: 'present' });
    expect(within(region).getByRole('button', { name: 'Stop camera' }).getAttribute('aria-pressed')).toBe('true');
    expect(within(region).getByRole('button', { name: 'Mute' }).getAttribute('aria-pressed')).toBe('true');
    expect(within(region).getByRole('meter', { name: 'Microphone level' })).toBeTruthy();
    expect(within(region).getByRole('combobox', { name: 'Camera' })).toBeTruthy();
    expect(within(region).getByRole('combobox', { name: 'Microphone' })).toBeTruthy();
    expect(within(region).getByLabelText('Camera preview').tagName).toBe('VIDEO');
    // In the viewer's locale and time zone, from the server's start and end.
    expect(region.querySelector('.mm-schedule')?.textContent).toMatch(/^Session time Today, 3:00\s–\s3:50\sPM/);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('says when the host is not there yet, and when they arrive', async () => {
    const client = await joinedClient({ waitingRoom: true, hostPresent: false });
    renderWithClient(
      <>
        <WaitingRoom />
        <LiveAnnouncer data-testid="announcer" />
      </>,
      client,
    );
    expect(screen.getByRole('heading', { name: 'Waiting for your host to join' })).toBeTruthy();
    expect(screen.getByRole('region').dataset.host).toBe('absent');
    act(() => client.simulate.updateMeeting({ hostPresent: true }));
    expect(screen.getByRole('heading', { name: 'Your host will let you in soon' })).toBeTruthy();
    expect(screen.getByTestId('announcer').textContent).toBe('Your host has joined and will let you in soon');
  });

  it('goes away when the host lets the person in, and says so', async () => {
    const client = lobbyClient({ waitingRoom: true });
    renderWithClient(
      <>
        <WaitingRoom />
        <LiveAnnouncer data-testid="announcer" />
      </>,
      client,
    );
    await act(() => client.join());
    expect(screen.getByTestId('announcer').textContent).toBe('You are in the waiting room. Your host will let you in soon.');
    // Focus was nowhere: it lands on the heading, so a screen reader starts there.
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Your host will let you in soon' }));
    await act(async () => {
      client.simulate.admit();
      await vi.waitFor(() => expect(client.getSnapshot().admission).toBe('admitted'));
    });
    expect(screen.queryByRole('region')).toBeNull();
    expect(screen.getByTestId('announcer').textContent).toBe('The host let you in');
  });

  it('leaves from the waiting room', async () => {
    const client = await joinedClient({ waitingRoom: true });
    const onLeave = vi.fn();
    renderWithClient(<WaitingRoom onLeave={onLeave} />, client);
    await userEvent.click(screen.getByRole('button', { name: 'Leave' }));
    await waitFor(() => expect(onLeave).toHaveBeenCalledTimes(1));
    expect(client.getSnapshot().admission).toBeNull();
    expect(client.getSnapshot().media.camera.enabled).toBe(false);
  });

  it('before the start: shows when it starts, counts down, and tries again by itself when joining opens', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const startsAt = Date.now() + 15 * 60_000;
    const client = lobbyClient({ joinError: { code: 'meeting-not-started', startsAt, retryAfterMs: 5 * 60_000 } });
    await client.join().catch(() => undefined);
    const onRetry = vi.fn();
    const { container } = renderWithClient(<WaitingRoom onRetry={onRetry} locale="en-US" />, client);
    const region = screen.getByRole('region', { name: 'This session has not started yet' });
    expect(region.dataset.state).toBe('not-started');
    expect(region.textContent).toMatch(/It is scheduled for .+, /);
    expect(region.textContent).toContain(`${new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(startsAt)}.`);
    expect(within(region).getByText(/^You can join in /).textContent).toMatch(/^You can join in (5:00|4:59)\.$/);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2_000);
    });
    expect(within(region).getByText(/^You can join in /).textContent).toMatch(/^You can join in 4:5[78]\.$/);
    expect(onRetry).not.toHaveBeenCalled();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5 * 60_000);
    });
    expect(onRetry).toHaveBeenCalledTimes(1);
    expect(within(region).getByText('You can join now.')).toBeTruthy();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5_000);
    });
    expect(onRetry).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
    await userEvent.click(within(region).getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(2);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('denied: says so, turns the camera and microphone off, and offers Close', async () => {
    const client = await joinedClient({ waitingRoom: true });
    const onLeave = vi.fn();
    renderWithClient(<WaitingRoom onLeave={onLeave} onRetry={vi.fn()} />, client);
    expect(client.getSnapshot().media.camera.enabled).toBe(true);
    act(() => client.simulate.deny());
    const region = screen.getByRole('region', { name: 'The host did not let you in' });
    expect(region.dataset.state).toBe('denied');
    await waitFor(() => expect(client.getSnapshot().media).toMatchObject({ camera: { enabled: false }, microphone: { enabled: false } }));
    expect(within(region).queryByRole('button', { name: 'Try again' })).toBeNull();
    await userEvent.click(within(region).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(onLeave).toHaveBeenCalled());
  });

  it('removed: says so and offers no way back in', async () => {
    const client = await joinedClient();
    renderWithClient(<WaitingRoom onRetry={vi.fn()} />, client);
    expect(screen.queryByRole('region')).toBeNull();
    act(() => client.simulate.remove());
    const region = screen.getByRole('region', { name: 'You were removed from this session' });
    expect(within(region).getAllByRole('button').map((b) => b.textContent)).toEqual(['Close']);
  });

  it('locked: says so and offers Try again', async () => {
    const client = lobbyClient({ joinError: 'meeting-locked' });
    await client.join().catch(() => undefined);
    const onRetry = vi.fn();
    renderWithClient(<WaitingRoom onRetry={onRetry} />, client);
    const region = screen.getByRole('region', { name: 'This session is locked' });
    await userEvent.click(within(region).getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('uses the messages given', async () => {
    const client = await joinedClient({ waitingRoom: true });
    renderWithClient(<WaitingRoom />, client, { messages: { waitingTitle: 'Ihre Therapeutin lässt Sie gleich herein' } });
    expect(screen.getByRole('heading', { name: 'Ihre Therapeutin lässt Sie gleich herein' })).toBeTruthy();
  });
});
