import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { createRoomWatch } from './room-watch';

describe('createRoomWatch', () => {
  let io: Server | undefined;
  afterEach(() => {
    io?.close();
    io = undefined;
  });

  const namespace = () => {
    io = new Server(createServer());
    return io.of('/meetings');
  };

  it('says a room stayed quiet until something is sent to it, and forgets it when the last watcher stops', () => {
    const nsp = namespace();
    const watch = createRoomWatch(nsp.adapter);
    const first = watch.watch('m:a');
    const second = watch.watch('m:a');
    expect(watch.size).toBe(1);

    nsp.to('m:b').emit('participant-left', {});
    nsp.in('m:b').socketsLeave('m:b');
    expect(first.quiet()).toBe(true);

    nsp.to(['m:b', 'm:a']).emit('participant-left', {});
    expect(first.quiet()).toBe(false);
    expect(second.quiet()).toBe(false);
    // A watch begun after the delivery starts quiet.
    const third = watch.watch('m:a');
    expect(third.quiet()).toBe(true);

    first.stop();
    first.stop();
    second.stop();
    expect(watch.size).toBe(1);
    third.stop();
    expect(watch.size).toBe(0);
    expect(third.quiet()).toBe(false);
  });

  it('counts a room change (sockets taken out) and a namespace-wide send as reaching the room', () => {
    const nsp = namespace();
    const watch = createRoomWatch(nsp.adapter);
    const moved = watch.watch('m:a');
    nsp.in('m:a').socketsLeave('h:a');
    expect(moved.quiet()).toBe(false);
    const everywhere = watch.watch('m:c');
    nsp.emit('meeting-updated', {});
    expect(everywhere.quiet()).toBe(false);
    moved.stop();
    everywhere.stop();
  });

  it('gives the adapter back on close; a handle is never quiet after it', () => {
    const nsp = namespace();
    const adapter = nsp.adapter as unknown as { apply: unknown };
    const original = adapter.apply;
    const watch = createRoomWatch(nsp.adapter);
    expect(adapter.apply).not.toBe(original);
    const handle = watch.watch('m:a');
    watch.close();
    expect(adapter.apply).toBe(original);
    expect(handle.quiet()).toBe(false);
    handle.stop();
  });
});
