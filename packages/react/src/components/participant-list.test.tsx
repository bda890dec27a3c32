import '../test-utils/cleanup';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../test-utils/axe';
import { renderWithClient } from '../test-utils/render';
import { joinedClient } from '../test-utils/simulated';
import { ParticipantList } from './participant-list';

const hostScenario = {
  role: 'host' as const,
  displayName: 'Therapist',
  participants: [
    { displayName: 'Client', media: { microphone: true, camera: true }, quality: 'poor' as const },
    { displayName: 'Co-therapist', role: 'host' as const, media: { microphone: false, camera: false } },
  ],
  waiting: [{ displayName: 'Caregiver' }],
};

const row = (name: string) => screen.getAllByRole('listitem').find((li) => li.querySelector('.mm-person__name')?.textContent === name)!;

describe('ParticipantList', () => {
  it('lists everyone with badges, microphone and camera state and connection quality', async () => {
    const client = await joinedClient(hostScenario);
    const { container } = renderWithClient(<ParticipantList />, client);
    expect(screen.getByRole('heading', { name: 'Participants (3)' })).toBeTruthy();
    const me = row('Therapist');
    expect(within(me).getByText('Host')).toBeTruthy();
    expect(within(me).getByText('You')).toBeTruthy();
    const clientRow = row('Client');
    expect(within(clientRow).queryByText('Host')).toBeNull();
    expect(within(clientRow).getByRole('img', { name: 'Microphone on' })).toBeTruthy();
    expect(within(clientRow).getByRole('img', { name: 'Poor connection' })).toBeTruthy();
    const colleague = row('Co-therapist');
    expect(within(colleague).getByRole('img', { name: 'Microphone off' })).toBeTruthy();
    expect(within(colleague).getByRole('img', { name: 'Camera off' })).toBeTruthy();
    expect(screen.getByText(/Ask to mute turns off the person’s microphone on their own device/)).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('gives hosts the waiting section and per-person actions, never on hosts', async () => {
    const client = await joinedClient(hostScenario);
    renderWithClient(<ParticipantList />, client);
    const waiting = screen.getByRole('group', { name: 'Waiting to join (1)' });
    expect(within(waiting).getByText('Caregiver is waiting')).toBeTruthy();
    expect(within(row('Client')).getAllByRole('button').map((b) => b.textContent)).toEqual(['Ask to mute Client', 'Remove Client']);
    expect(within(row('Co-therapist')).queryAllByRole('button')).toEqual([]);
    expect(within(row('Therapist')).queryAllByRole('button')).toEqual([]);
    await userEvent.click(within(waiting).getByRole('button', { name: 'Admit Caregiver' }));
    await waitFor(() => expect(screen.queryByRole('group', { name: /Waiting to join/ })).toBeNull());
    expect(screen.getByRole('heading', { name: 'Participants (4)' })).toBeTruthy();
  });

  it('asks to mute (a request the person’s device carries out) and hides it once they are muted', async () => {
    const client = await joinedClient(hostScenario);
    const requestMute = vi.spyOn(client.host, 'requestMute');
    renderWithClient(<ParticipantList />, client);
    const clientId = client.getSnapshot().remoteParticipants[0]!.id;
    await userEvent.click(screen.getByRole('button', { name: 'Ask to mute Client' }));
    expect(requestMute).toHaveBeenCalledWith(clientId, 'microphone');
    expect((await screen.findByText('Asked Client to mute')).getAttribute('role')).toBe('status');
    act(() => client.simulate.setMedia(clientId, { microphone: false }));
    expect(within(row('Client')).queryByRole('button', { name: 'Ask to mute Client' })).toBeNull();
  });

  it('removes only after a confirmation that traps focus, closes on Escape and gives focus back', async () => {
    const client = await joinedClient(hostScenario);
    const { container } = renderWithClient(<ParticipantList />, client);
    const remove = screen.getByRole('button', { name: 'Remove Client' });
    await userEvent.click(remove);
    const dialog = screen.getByRole('alertdialog', { name: 'Remove Client from the session?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(within(dialog).getByText('They won’t be able to rejoin.')).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(await axeViolations(container)).toEqual([]);
    await userEvent.tab();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Remove' }));
    await userEvent.tab();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(remove);
    expect(client.getSnapshot().remoteParticipants).toHaveLength(2);

    await userEvent.click(remove);
    await userEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(client.getSnapshot().remoteParticipants.map((p) => p.displayName)).toEqual(['Co-therapist']);
    // The button that opened the dialog went with the row: focus lands on the list's heading.
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Participants (2)' }));
  });

  it('shows no host actions and no waiting section to a participant', async () => {
    const client = await joinedClient({ participants: [{ displayName: 'Therapist', role: 'host' }] });
    renderWithClient(<ParticipantList />, client);
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(within(row('Therapist')).getByText('Host')).toBeTruthy();
    expect(within(row('Caregiver')).getByText('You')).toBeTruthy();
    expect(screen.queryByText(/Ask to mute/)).toBeNull();
  });
});
