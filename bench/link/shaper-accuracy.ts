// `npm run bench:link -- ` is the call benchmark; this prints how closely the link shaper itself
// keeps to its shapes on this machine: UDP through one endpoint to a sink, for each preset, at
// 0.8× the shaped rate (so the queue stays short and the delay is the shape's) and at 1.5× (so
// the bottleneck binds). Bounded: 8 s per run.
//
//   bash scripts/netns-run.sh node --import tsx bench/link/shaper-accuracy.ts
import { createSocket } from 'node:dgram';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { LINK_PRESETS, createLinkShaper, type LinkPresetName } from '../../tests/support/link-shaper/index';

const RUN_MS = 8_000;
const BYTES = 1_000;

async function measure(preset: LinkPresetName, load: number) {
  const shape = LINK_PRESETS[preset];
  const sink = createSocket('udp4');
  const arrivals: Array<{ at: number; oneWay: number }> = [];
  sink.on('message', (msg) => {
    const at = performance.now();
    arrivals.push({ at, oneWay: at - msg.readDoubleBE(0) });
  });
  await new Promise<void>((r) => sink.bind(0, '127.0.0.1', () => r()));
  const shaper = createLinkShaper({ udpTarget: sink.address().port });
  const endpoint = await shaper.addEndpoint(preset, { up: shape, down: {} });
  const client = createSocket('udp4');
  await new Promise<void>((r) => client.bind(0, '127.0.0.1', () => r()));
  const pps = Math.min(2_000, (Math.min(shape.rateBps, 4_000_000) * load) / 8 / BYTES);
  const started = performance.now();
  let sent = 0;
  while (performance.now() - started < RUN_MS) {
    const due = Math.floor(((performance.now() - started) / 1000) * pps);
    for (; sent < due; sent += 1) {
      const msg = Buffer.alloc(BYTES);
      msg.writeDoubleBE(performance.now(), 0);
      client.send(msg, endpoint.udpPort, '127.0.0.1');
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  await new Promise((r) => setTimeout(r, shape.delayMs + shape.queueMs + 500));
  const { up } = endpoint.stats();
  const delays = arrivals.map((a) => a.oneWay).sort((a, b) => a - b);
  const pct = (p: number) => delays[Math.min(delays.length - 1, Math.floor(delays.length * p))] ?? NaN;
  const span = (arrivals.at(-1)!.at - arrivals[0]!.at) / 1000;
  const rate = ((arrivals.length - 1) * BYTES * 8) / span;
  console.log(
    `| ${preset} | ${load}× | ${(shape.loss * 100).toFixed(1)} % | ${((up.lost / up.offered) * 100).toFixed(2)} % | ${(up.overflowed / up.offered * 100).toFixed(1)} % | ` +
      `${shape.delayMs} ± ${shape.jitterMs} | ${pct(0.5).toFixed(1)} / ${pct(0.95).toFixed(1)} | ${(shape.rateBps / 1000).toFixed(0)} | ${(rate / 1000).toFixed(0)} | ${loadavg()[0]!.toFixed(1)} |`,
  );
  await shaper.close();
  client.close();
  sink.close();
}

console.log('| preset | offered / rate | loss set | loss measured | tail-dropped | delay set (ms) | one-way p50 / p95 (ms) | rate set (kbit/s) | rate delivered (kbit/s) | load |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const preset of ['poor', 'harsh', 'good'] as const) {
  for (const load of [0.8, 1.5]) await measure(preset, load);
}
