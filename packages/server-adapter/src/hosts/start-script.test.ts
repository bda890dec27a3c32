import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkHost, HOST_SECRET } from './host-check';

const examples = join(dirname(fileURLToPath(import.meta.url)), '../../../../examples');

describe('example start scripts', () => {
  for (const name of ['express', 'fastify', 'nestjs']) {
    it(`${name}: package.json is private, named, and starts with tsx --conditions=@mentara/source`, () => {
      const pkg = JSON.parse(readFileSync(join(examples, name, 'package.json'), 'utf8')) as { name: string; private: boolean; scripts: { start: string } };
      expect(pkg).toMatchObject({ name: `@mentara/example-${name}`, private: true });
      expect(pkg.scripts.start).toMatch(/--conditions=@mentara\/source/);
      expect(pkg.scripts.start).toMatch(/tsx/);
    });
  }

  it('express: the start command runs a working server', async () => {
    const pkg = JSON.parse(readFileSync(join(examples, 'express', 'package.json'), 'utf8')) as { scripts: { start: string } };
    const [cmd, ...args] = pkg.scripts.start.split(' ');
    const child = spawn(cmd === 'node' ? process.execPath : (cmd ?? ''), args, {
      cwd: join(examples, 'express'),
      env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', JWT_SECRET: HOST_SECRET, STUN_SERVER_URL: 'none', TURN_SERVER_URL: 'turn:127.0.0.1:3478', TURN_SECRET: 't' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no start: ${out}`)), 15_000);
        const onData = (chunk: Buffer): void => {
          out += chunk.toString();
          const match = /listening on (http:\/\/\S+)/.exec(out);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
      });
      await checkHost(url);
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    }
  });
});
