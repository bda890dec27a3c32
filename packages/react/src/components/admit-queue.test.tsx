import '../test-utils/cleanup';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../test-utils/axe';
import { renderWithClient } from '../test-utils/render';
import { joinedClient } from '../test-utils/simulated';
import { AdmitQueue } from './admit-queue';
import { LiveAnnouncer } from './live-announcer';

describe('AdmitQueue', () => {
  it('appears for a host when someone knocks, is announced, and never takes focus', async () => {
    const client = await joinedClient({ role: 'host' });
    renderWithClient(
      <>
        <button type="button">What the host was doing</button>
        <AdmitQueue />
        <LiveAnnouncer data-testid="announcer" />
      </>,
      client,
    );
    expect(screen.queryByRole('region')).toBeNull();
    const busy = screen.getByRole('button', { name: 'What the host was doing' });
    busy.focus();
    act(() => void client.simulate.knock('Client'));
    const queue = screen.getByRole('region', { name: 'Waiting to join' });
    expect(queue.dataset).toMatchObject({ count: '1', variant: 'inline' });
    expect(within(queue).getByText('Client is waiting')).toBeTruthy();
    expect(within(queue).queryByRole('button', { name: 'Admit all' })).toBeNull();
    expect(screen.getByTestId('announcer').textContent).toBe('Client is waiting to join');
    expect(document.activeElement).toBe(busy);
    // Reachable with the keyboard, in order: Deny, then Admit.
    await userEvent.tab();
    expect(document.activeElement).toBe(within(queue).getByRole('button', { name: 'Deny Client' }));
    await userEvent.tab();
    expect(document.activeElement).toBe(within(queue).getByRole('button', { name: 'Admit Client' }));
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('region')).toBeNull());
    expect(client.getSnapshot().remoteParticipants.map((p) => p.displayName)).toEqual(['Client']);
  });

  it('denies, and admits everyone at once when several wait', async () => {
    const client = await joinedClient({ role: 'host', waiting: [{ displayName: 'Client' }, { displayName: 'Caregiver' }, { displayName: 'Interpreter' }] });
    const { container } = renderWithClient(<AdmitQueue variant="toast" />, client);
    const queue = screen.getByRole('region', { name: 'Waiting to join' });
    expect(within(queue).getAllByRole('listitem').map((li) => li.querySelector('.mm-waiting-entry__name')?.textContent)).toEqual([
      'Client is waiting',
      'Caregiver is waiting',
      'Interpreter is waiting',
    ]);
    expect(await axeViolations(container)).toEqual([]);
    await userEvent.click(within(queue).getByRole('button', { name: 'Deny Caregiver' }));
    await waitFor(() => expect(within(queue).getAllByRole('listitem')).toHaveLength(2));
    await userEvent.click(within(queue).getByRole('button', { name: 'Admit all' }));
    await waitFor(() => expect(screen.queryByRole('region')).toBeNull());
    expect(client.getSnapshot().remoteParticipants.map((p) => p.displayName)).toEqual(['Client', 'Interpreter']);
  });

  it('says calmly when the session is full, and keeps the person in the list', async () => {
    const client = await joinedClient({ role: 'host', maxParticipants: 1, participants: [{ displayName: 'Client' }], waiting: [{ displayName: 'Caregiver' }, { displayName: 'Interpreter' }] });
    renderWithClient(<AdmitQueue />, client);
    const queue = screen.getByRole('region', { name: 'Waiting to join' });
    await userEvent.click(within(queue).getByRole('button', { name: 'Admit Caregiver' }));
    const note = await within(queue).findByText('The session is full. Someone has to leave before Caregiver can join.');
    expect(note.getAttribute('role')).toBe('status');
    expect(within(queue).getAllByRole('listitem')).toHaveLength(2);
    await userEvent.click(within(queue).getByRole('button', { name: 'Admit all' }));
    await waitFor(() => expect(within(queue).getAllByText(/^The session is full\. Someone has to leave before Caregiver can join\.$/)).toHaveLength(2));
    expect(within(queue).getAllByRole('listitem')).toHaveLength(2);
  });

  it('with sound on, a knock where there is no Web Audio (happy-dom, servers) is silent, never an error', async () => {
    const client = await joinedClient({ role: 'host' });
    expect(typeof (globalThis as { AudioContext?: unknown }).AudioContext).toBe('undefined');
    renderWithClient(<AdmitQueue sound />, client);
    act(() => void client.simulate.knock('Client'));
    act(() => void client.simulate.knock('Caregiver'));
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });

  it('renders nothing for someone who is not a host', async () => {
    const client = await joinedClient();
    const { container } = renderWithClient(<AdmitQueue />, client);
    expect(container.innerHTML).toBe('');
  });
});
