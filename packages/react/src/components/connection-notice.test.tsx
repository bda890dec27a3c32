import '../test-utils/cleanup';
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithClient } from '../test-utils/render';
import { joinedClient, remoteIds } from '../test-utils/simulated';
import { axeViolations } from '../test-utils/axe';
import { ConnectionNotice } from './connection-notice';

describe('ConnectionNotice', () => {
  it('stays mounted and empty while all is well, then says our video is paused to keep the sound clear', async () => {
    const client = await joinedClient({ participants: [{ displayName: 'Therapist' }] });
    renderWithClient(<ConnectionNotice />, client);
    const notice = screen.getByRole('status');
    expect(notice.dataset).toMatchObject({ state: 'none', video: 'sending' });
    expect(notice.textContent).toBe('');
    act(() => client.simulate.setSendingVideo({ level: 'low', reason: 'network' }));
    expect(notice.dataset.state).toBe('weak-self');
    expect(notice.textContent).toBe('Your connection is weak — video may pause to keep the sound clear.');
    act(() => client.simulate.setSendingVideo({ level: 'paused', reason: 'network' }));
    expect(notice.dataset).toMatchObject({ state: 'weak-self', video: 'paused' });
    expect(notice.textContent).toBe('Your connection is weak — your video is paused to keep the sound clear.');
    expect(await axeViolations(notice)).toEqual([]);
    act(() => client.simulate.setSendingVideo({ level: 'high', reason: null }));
    expect(notice.dataset.state).toBe('none');
    expect(notice.textContent).toBe('');
  });

  it('names the one participant whose link is weak, and says "some" for several', async () => {
    const client = await joinedClient({ participants: [{ displayName: 'Therapist', receiving: { level: 'paused', reason: 'network' } }, { displayName: 'Interpreter' }] });
    const [therapist, interpreter] = remoteIds(client);
    renderWithClient(<ConnectionNotice />, client);
    const notice = screen.getByRole('status');
    expect(notice.dataset).toMatchObject({ state: 'weak-remote', video: 'paused' });
    expect(notice.textContent).toBe('Therapist’s connection is weak — their video is paused to keep the sound clear.');
    act(() => client.simulate.setLink(therapist!, { receiving: { level: 'low', reason: 'network' } }));
    expect(notice.textContent).toBe('Therapist’s connection is weak.');
    act(() => client.simulate.setLink(interpreter!, { receiving: { level: 'low', reason: 'network' } }));
    expect(notice.textContent).toBe('Some connections are weak — video may pause to keep the sound clear.');
  });

  it('does not call audio only by choice a weak link', async () => {
    const client = await joinedClient({ participants: [{ displayName: 'Therapist', receiving: { level: 'paused', reason: 'audio-only' } }] });
    renderWithClient(<ConnectionNotice />, client);
    await act(() => client.setAudioOnly(true));
    expect(screen.getByRole('status').dataset.state).toBe('none');
  });

  it('puts reconnecting first, and takes replacement sentences', async () => {
    const client = await joinedClient({ participants: [{ displayName: 'Therapist' }], sendingVideo: { level: 'paused', reason: 'network' } });
    renderWithClient(<ConnectionNotice />, client, { messages: { linkNotice: { reconnecting: 'Verbinden…' } } });
    const notice = screen.getByRole('status');
    expect(notice.dataset.state).toBe('weak-self');
    act(() => client.simulate.setPeerState(remoteIds(client)[0]!, 'reconnecting'));
    expect(notice.dataset.state).toBe('reconnecting');
    expect(notice.textContent).toBe('Verbinden…');
    act(() => client.simulate.setPeerState(remoteIds(client)[0]!, 'connected'));
    expect(notice.dataset.state).toBe('weak-self');
  });
});
