import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLUSTER_SECRET } from './support/cluster';
import { MeetingPeer, waitFor } from './support/meeting-peer';
import { startRedisServer, type TestRedisServer } from './support/redis-server';
import { issueMeetingToken } from '@mentara/meetings-server';

const CLI = fileURLToPath(new URL('../../packages/server-adapter/src/cli.ts', import.meta.url));

/** Spawns the CLI from source with `env` alone and resolves its URL from the "listening" line (bounded: 30 s). */
function startCli(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; log: () => string }> {
  const child = spawn(process.execPath, ['--conditions=@mentara/source', '--import', 'tsx', CLI], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`CLI did not start: ${out}`)), 30_000);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const match = /"url":"(http:\/\/[^"]+)"/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1], log: () => out });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`CLI exited with ${code}: ${out}`)));
  });
}

async function stopCli(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

let redis: TestRedisServer;
const nodes: Array<{ child: ChildProcess; url: string; log: () => string }> = [];
const peers: MeetingPeer[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
  const started = await Promise.all(
    ['cli-node-1', 'cli-node-2'].map((nodeId) =>
      startCli({ PORT: '0', HOST: '127.0.0.1', JWT_SECRET: CLUSTER_SECRET, STUN_SERVER_URL: 'none', REDIS_URL: redis.url, NODE_ID: nodeId }),
    ),
  );
  nodes.push(...started);
});

afterAll(async () => {
  for (const peer of peers) peer.close();
  await Promise.all(nodes.map((n) => stopCli(n.child)));
  await redis?.stop();
});

describe('the CLI as several nodes, from environment variables alone', () => {
  it('two CLI processes on one Redis share a meeting and relay signals between them', async () => {
    expect(nodes[0]!.log()).toContain('"nodeId":"cli-node-1"');
    expect(nodes[1]!.log()).toContain('"nodeId":"cli-node-2"');
    const meetingId = `m-${randomUUID()}`;
    const join = async (nodeIndex: number, userId: string, role: 'host' | 'participant') => {
      const token = await issueMeetingToken({ secret: CLUSTER_SECRET, userId, displayName: userId, meetingId, role, waitingRoom: false });
      const peer = await MeetingPeer.join({ url: nodes[nodeIndex]!.url, token, meetingId, displayName: userId, media: { microphone: true, camera: true, screen: false } });
      peers.push(peer);
      return peer;
    };
    const therapist = await join(0, 'therapist', 'host');
    const client = await join(1, 'client', 'participant');
    // The client's join answer, from node 2, lists the therapist on node 1: the store is shared.
    expect([...client.roster.keys()]).toEqual([therapist.id]);
    await waitFor(() => therapist.roster.has(client.id), 10_000, 'the therapist sees the client join on the other node');

    therapist.emit('webrtc-signal', { to: client.id, signal: { type: 'offer', sdp: 'v=0\r\n' }, connectionId: 'c1' });
    await waitFor(() => client.signals.length === 1, 10_000, 'offer across nodes');
    expect(client.signals[0]).toMatchObject({ event: 'webrtc-signal', from: therapist.id, payload: { signal: { type: 'offer', sdp: 'v=0\r\n' }, connectionId: 'c1' } });
    client.emit('webrtc-signal', { to: therapist.id, signal: { type: 'answer', sdp: 'v=0\r\n' }, connectionId: 'c1' });
    await waitFor(() => therapist.signals.length === 1, 10_000, 'answer back');
    expect(therapist.signals[0]).toMatchObject({ from: client.id, payload: { signal: { type: 'answer', sdp: 'v=0\r\n' } } });
  });
});
