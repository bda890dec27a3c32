import { expect, it } from 'vitest';
import { issueMeetingToken } from '@mentara/meetings-server';
import { createNodeClient, meshReady, startTestServer, useTestServer, waitForState } from '../test-support/server-harness';

const fixture = useTestServer();

it('prepare() opens and authenticates the socket before join, and join uses that same socket', async () => {
  const a = fixture.node('Client');
  const b = fixture.node('Therapist');
  await a.client.prepare();
  await a.client.prepare();
  const sockets = await fixture.server.meetings.namespace.fetchSockets();
  expect(sockets).toHaveLength(1);
  const preparedId = sockets[0]!.id;
  await a.client.join('prepared');
  await b.client.join('prepared');
  await Promise.all([waitForState(a.client, meshReady(1)), waitForState(b.client, meshReady(1))]);
  const after = (await fixture.server.meetings.namespace.fetchSockets()).map((s) => s.id);
  expect(after).toHaveLength(2);
  expect(after).toContain(preparedId);
});

it('prepare() tells a pre-join screen at once when the token is refused; leave() closes a prepared socket', async () => {
  const server = await startTestServer({ auth: { secret: 'prepare-test-secret' }, allowAnonymous: false });
  try {
    const refused = fixture.track(createNodeClient(server.url, 'Client', { token: 'not-a-token' }));
    await expect(refused.client.prepare()).rejects.toMatchObject({ code: 'unauthenticated' });
    const token = await issueMeetingToken({ secret: 'prepare-test-secret', userId: 'client-1', meetingId: 'm' });
    const ok = fixture.track(createNodeClient(server.url, 'Client', { token }));
    await ok.client.prepare();
    expect(await server.meetings.namespace.fetchSockets()).toHaveLength(1);
    await ok.client.leave();
    await waitForSockets(server, 0);
  } finally {
    fixture.destroyClients();
    await server.close();
  }
});

it('prepare() without a token yet resolves quietly against a server that needs one; join() then connects with the token it has', async () => {
  const server = await startTestServer({ auth: { secret: 'prepare-test-secret' }, allowAnonymous: false });
  try {
    let token: string | undefined;
    const later = fixture.track(createNodeClient(server.url, 'Client', { getToken: () => token }));
    await later.client.prepare();
    await waitForSockets(server, 0);
    expect(later.client.getSnapshot().error).toBeNull();
    token = await issueMeetingToken({ secret: 'prepare-test-secret', userId: 'client-2', meetingId: 'later' });
    await later.client.join('later');
    expect(later.client.getSnapshot().connection).toBe('connected');
  } finally {
    fixture.destroyClients();
    await server.close();
  }
});

it('join() pressed while a token-less prepare() is still connecting connects again with the token instead of failing', async () => {
  const server = await startTestServer({ auth: { secret: 'prepare-test-secret' }, allowAnonymous: false });
  try {
    let token: string | undefined;
    // The second read is the socket's handshake (the first, prepare()'s own check): the token-less
    // connect is on its way when the token arrives and Join is pressed, before the refusal is back.
    let reads = 0;
    let handshakeRead!: () => void;
    const handshakeSent = new Promise<void>((resolve) => (handshakeRead = resolve));
    const quick = fixture.track(
      createNodeClient(server.url, 'Client', {
        getToken: () => {
          if (++reads === 2) handshakeRead();
          return token;
        },
      }),
    );
    const preparing = quick.client.prepare().catch(() => undefined);
    const minted = await issueMeetingToken({ secret: 'prepare-test-secret', userId: 'client-3', meetingId: 'quick' });
    await handshakeSent;
    token = minted;
    await quick.client.join('quick');
    expect(quick.client.getSnapshot().connection).toBe('connected');
    expect(quick.client.getSnapshot().error).toBeNull();
    await preparing;
    await waitForSockets(server, 1);
  } finally {
    fixture.destroyClients();
    await server.close();
  }
});

async function waitForSockets(server: { meetings: { namespace: { fetchSockets(): Promise<unknown[]> } } }, count: number) {
  for (let i = 0; i < 50; i++) {
    if ((await server.meetings.namespace.fetchSockets()).length === count) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`expected ${count} sockets`);
}
