import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent } from '@testing-library/react';
import type { MeetingClient, MeetingClientOptions } from '@mentara/meetings-core';
import { createSimulatedClient, type SimulatedClient } from '@mentara/meetings-core/testing';
import { defineMeetingElement } from './define';
import type { MentaraMeetingElement } from './meeting-element';

// The element creates its client with createMeetingClient: record the options, hand out a
// simulated client (the real store and reducer, no network).
const made: Array<{ options: MeetingClientOptions; client: SimulatedClient }> = [];
vi.mock('@mentara/meetings-core', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@mentara/meetings-core')>();
  return {
    ...actual,
    createMeetingClient: vi.fn((options: MeetingClientOptions) => {
      const client = createSimulatedClient({ meetingId: options.meetingId, displayName: 'Caregiver' });
      made.push({ options, client });
      return client;
    }),
  };
});

defineMeetingElement('test-meeting');

const added: HTMLElement[] = [];
afterEach(() => {
  for (const element of added.splice(0)) element.remove();
  made.length = 0;
});

function meetingElement(attributes: Record<string, string>, setup?: (element: MentaraMeetingElement) => void): MentaraMeetingElement {
  const element = document.createElement('test-meeting') as MentaraMeetingElement;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  setup?.(element);
  document.body.append(element);
  added.push(element);
  return element;
}

const inside = (element: HTMLElement, selector: string) => element.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
const button = (element: HTMLElement, name: string) =>
  [...(element.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === name || b.getAttribute('aria-label') === name);
const lastClient = (): SimulatedClient => {
  const last = made.at(-1);
  if (!last) throw new Error('no client was created');
  return last.client;
};

/** Records the detail of every `name` event that reaches `target`. */
function record(target: EventTarget, name: string): unknown[] {
  const details: unknown[] = [];
  target.addEventListener(name, (event) => details.push((event as CustomEvent).detail));
  return details;
}

describe('<mentara-meeting>', () => {
  it('creates its client from the attributes and shows the pre-join screen in its shadow root', async () => {
    const element = meetingElement(
      { 'server-url': 'https://meet.example', 'meeting-id': 'm-1', 'display-name': 'Client', token: 'jwt-1', theme: 'dark' },
      (e) => void (e.clientOptions = { relayOnly: true }),
    );
    await vi.waitFor(() => expect(inside(element, '.mm-prejoin')).not.toBeNull());
    expect(made).toHaveLength(1);
    expect(made[0]?.options).toMatchObject({ serverUrl: 'https://meet.example', meetingId: 'm-1', displayName: 'Client', relayOnly: true });
    expect(inside(element, '.mm-root')?.dataset.theme).toBe('dark');
    expect(inside(element, 'input')?.getAttribute('value') ?? (inside(element, 'input') as HTMLInputElement).value).toBe('Client');
    // Styles live in the shadow root, with the theme variables on the host.
    expect(inside(element, 'style')?.textContent).toContain(':host{--mm-font');
    expect(document.head.querySelector('style')).toBeNull();
  });

  it('reads the token at every connect: attribute, then the property, then getToken', async () => {
    const element = meetingElement({ 'meeting-id': 'm-1', token: 'jwt-1' });
    await vi.waitFor(() => expect(made).toHaveLength(1));
    const getToken = made[0]?.options.getToken;
    expect(await getToken?.()).toBe('jwt-1');
    element.setAttribute('token', 'jwt-2');
    expect(await getToken?.()).toBe('jwt-2');
    element.token = 'jwt-3';
    expect(await getToken?.()).toBe('jwt-3');
    // Set from script, a token stays out of the DOM.
    expect(element.getAttribute('token')).toBe('jwt-2');
    element.getToken = async () => 'fresh';
    expect(await getToken?.()).toBe('fresh');
    // Changing the token never restarts the room.
    expect(made).toHaveLength(1);
  });

  it('reflects properties to attributes and applies theme and layout in place', async () => {
    const element = meetingElement({ 'meeting-id': 'm-1' });
    await vi.waitFor(() => expect(inside(element, '.mm-root')).not.toBeNull());
    expect(element.theme).toBe('system');
    expect(inside(element, '.mm-root')?.hasAttribute('data-theme')).toBe(false);
    element.theme = 'light';
    expect(element.getAttribute('theme')).toBe('light');
    await vi.waitFor(() => expect(inside(element, '.mm-root')?.dataset.theme).toBe('light'));
    element.preJoin = false;
    element.chat = false;
    expect(element.getAttribute('pre-join')).toBe('off');
    expect(element.getAttribute('chat')).toBe('off');
    element.chat = true;
    expect(element.hasAttribute('chat')).toBe(false);
    element.setAttribute('chat', 'false');
    expect(element.chat).toBe(false);
    expect(made).toHaveLength(1);
  });

  it('renders nothing until it has a meeting id', async () => {
    const element = meetingElement({ 'server-url': 'https://meet.example' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(made).toHaveLength(0);
    expect(inside(element, '.mm-root')).toBeNull();
    element.meetingId = 'm-late';
    await vi.waitFor(() => expect(inside(element, '.mm-prejoin')).not.toBeNull());
    expect(made[0]?.options.meetingId).toBe('m-late');
  });

  it('fires joined, participant events, error and left as DOM events', async () => {
    const element = meetingElement({ 'meeting-id': 'm-1', 'pre-join': 'off', 'display-name': 'Client' });
    const joined = record(document, 'joined');
    const participantJoined = record(element, 'participant-joined');
    const participantLeft = record(element, 'participant-left');
    const errors = record(element, 'error');
    const errorsOnDocument = record(document, 'error');
    const left = record(document, 'left');
    await vi.waitFor(() => expect(joined).toHaveLength(1));
    expect(joined[0]).toEqual({ meetingId: 'm-1', participantId: 'sim-self', rejoined: false, participants: [] });
    const client = lastClient();
    const therapist = client.simulate.participantJoins({ displayName: 'Therapist' });
    expect(participantJoined).toEqual([{ participant: expect.objectContaining({ id: therapist, displayName: 'Therapist' }) }]);
    client.simulate.participantLeaves(therapist);
    expect(participantLeft).toEqual([{ participantId: therapist, reason: 'left' }]);
    client.simulate.raiseError('signalling-unreachable');
    expect(errors).toEqual([expect.objectContaining({ code: 'signalling-unreachable', recoverable: true, hint: expect.stringContaining('meeting server') })]);
    // `error` stays on the element: a bubbling one would reach window.onerror.
    expect(errorsOnDocument).toEqual([]);
    await vi.waitFor(() => expect(button(element, 'Leave')).toBeTruthy());
    button(element, 'Leave')?.click();
    // Leave asks first: confirm in the dialog.
    await vi.waitFor(() => expect(button(element, 'Leave meeting')).toBeTruthy());
    button(element, 'Leave meeting')?.click();
    await vi.waitFor(() => expect(left).toEqual([{ meetingId: 'm-1', participantId: 'sim-self' }]));
    await vi.waitFor(() => expect(inside(element, '.mm-room[data-state="left"]')).not.toBeNull());
  });

  it('fires ended when the host ends the meeting', async () => {
    const element = meetingElement({ 'meeting-id': 'm-1', 'pre-join': 'off' });
    const ended = record(element, 'ended');
    await vi.waitFor(() => expect(lastClient().getSnapshot().connection).toBe('connected'));
    lastClient().simulate.endMeeting('ended-by-host');
    expect(ended).toEqual([expect.objectContaining({ meetingId: 'm-1', reason: 'ended-by-host' })]);
  });

  it('leaves, unmounts and destroys its client when removed, but keeps the call when moved', async () => {
    const element = meetingElement({ 'meeting-id': 'm-1', 'pre-join': 'off' });
    const left = record(element, 'left');
    await vi.waitFor(() => expect(lastClient().getSnapshot().connection).toBe('connected'));
    const client = lastClient();
    const room = inside(element, '.mm-root');
    const elsewhere = document.createElement('section');
    document.body.append(elsewhere);
    added.push(elsewhere);
    elsewhere.append(element);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(left).toEqual([]);
    expect(client.getSnapshot().connection).toBe('connected');
    expect(inside(element, '.mm-root')).toBe(room);
    expect(made).toHaveLength(1);

    const destroy = vi.spyOn(client, 'destroy');
    element.remove();
    await vi.waitFor(() => expect(destroy).toHaveBeenCalledTimes(1));
    expect(left).toHaveLength(1);
    expect(inside(element, '.mm-root')).toBeNull();
  });

  it('starts a new room when meeting-id changes', async () => {
    const element = meetingElement({ 'meeting-id': 'm-1', 'pre-join': 'off' });
    const left = record(element, 'left');
    const joined = record(element, 'joined');
    await vi.waitFor(() => expect(joined).toHaveLength(1));
    const destroyFirst = vi.spyOn(lastClient(), 'destroy');
    element.meetingId = 'm-2';
    await vi.waitFor(() => expect(joined).toHaveLength(2));
    expect(left).toEqual([{ meetingId: 'm-1', participantId: 'sim-self' }]);
    expect(made.map((m) => m.options.meetingId)).toEqual(['m-1', 'm-2']);
    expect(joined[1]).toMatchObject({ meetingId: 'm-2' });
    await vi.waitFor(() => expect(destroyFirst).toHaveBeenCalledTimes(1));
  });

  it('uses a client given as a property, reports who is there on joining, and never destroys it', async () => {
    const client: MeetingClient = createSimulatedClient({ displayName: 'Interpreter', participants: [{ displayName: 'Therapist' }] });
    const destroy = vi.spyOn(client, 'destroy');
    let joined: unknown[] = [];
    const element = meetingElement({ 'meeting-id': 'm-9', 'pre-join': 'off' }, (e) => {
      e.client = client;
      joined = record(e, 'joined');
    });
    await vi.waitFor(() => expect(joined).toHaveLength(1));
    // Whoever was there first comes with `joined`; later arrivals as `participant-joined`.
    expect(joined[0]).toMatchObject({ participants: [expect.objectContaining({ displayName: 'Therapist' })] });
    expect(made).toHaveLength(0);
    element.remove();
    await vi.waitFor(() => expect(client.getSnapshot().connection).toBe('disconnected'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(destroy).not.toHaveBeenCalled();
    client.destroy();
  });

  it('shows the page’s own strings and marks the built-in ones as English', async () => {
    const element = meetingElement({ 'meeting-id': 'm-1', lang: 'es' });
    await vi.waitFor(() => expect(button(element, 'Join meeting')).toBeTruthy());
    expect(inside(element, '.mm-element')?.getAttribute('lang')).toBe('en');
    element.messages = { join: 'Unirse' };
    await vi.waitFor(() => expect(button(element, 'Unirse')).toBeTruthy());
    expect(inside(element, '.mm-element')?.hasAttribute('lang')).toBe(false);
  });

  it('calls beforeJoin with the typed name before joining, and stays on the pre-join screen when it rejects', async () => {
    const element = meetingElement({ 'meeting-id': 'm-1' });
    const names: string[] = [];
    element.beforeJoin = async ({ displayName }) => {
      names.push(displayName);
      if (names.length === 1) throw new Error('The meeting server did not answer.');
    };
    await vi.waitFor(() => expect(button(element, 'Join meeting')).toBeTruthy());
    const input = inside(element, 'input') as HTMLInputElement;
    fireEvent.change(input, { target: { value: 'Interpreter' } });
    fireEvent.click(button(element, 'Join meeting') as HTMLElement);
    await vi.waitFor(() => expect(inside(element, '[role="alert"]')?.textContent).toBe('The meeting server did not answer.'));
    expect(lastClient().getSnapshot().connection).toBe('idle');
    fireEvent.click(button(element, 'Join meeting') as HTMLElement);
    await vi.waitFor(() => expect(lastClient().getSnapshot().connection).toBe('connected'));
    expect(names).toEqual(['Interpreter', 'Interpreter']);
  });

  it('takes properties set before the element was defined', async () => {
    const early = document.createElement('late-meeting') as MentaraMeetingElement;
    early.setAttribute('meeting-id', 'm-1');
    early.messages = { join: 'Entrar' };
    early.getToken = () => 'early-token';
    document.body.append(early);
    added.push(early);
    defineMeetingElement('late-meeting');
    await vi.waitFor(() => expect(button(early, 'Entrar')).toBeTruthy());
    expect(await made[0]?.options.getToken?.()).toBe('early-token');
  });
});

describe('defineMeetingElement', () => {
  it('is idempotent and gives every further tag name its own class', () => {
    const first = defineMeetingElement('idem-meeting');
    expect(defineMeetingElement('idem-meeting')).toBe(first);
    expect(customElements.get('idem-meeting')).toBe(first);
    const other = defineMeetingElement('other-meeting');
    expect(other).not.toBe(first);
    expect(customElements.get('other-meeting')).toBe(other);
    expect(document.createElement('other-meeting')).toBeInstanceOf(customElements.get('test-meeting') ?? Object);
  });

  it('leaves a name defined by someone else as it is', () => {
    class Elsewhere extends HTMLElement {}
    customElements.define('taken-meeting', Elsewhere);
    expect(defineMeetingElement('taken-meeting')).toBe(Elsewhere);
  });
});
