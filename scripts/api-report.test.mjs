import { describe, expect, it } from 'vitest';
import { publicEntries, undocumentedIn } from './api-report.mjs';

describe('publicEntries', () => {
  it('has one report per public entry of the three packages', () => {
    expect(publicEntries().map((entry) => `${entry.name} ${entry.subpath} → ${entry.report}`)).toEqual([
      '@mentara/meetings-core . → meetings-core.api.md',
      '@mentara/meetings-core ./protocol → meetings-core-protocol.api.md',
      '@mentara/meetings-core ./testing → meetings-core-testing.api.md',
      '@mentara/meetings-core ./precall → meetings-core-precall.api.md',
      '@mentara/meetings-core ./effects → meetings-core-effects.api.md',
      '@mentara/meetings-core ./effects/assets → meetings-core-effects-assets.api.md',
      '@mentara/meetings . → meetings.api.md',
      '@mentara/meetings ./element → meetings-element.api.md',
      '@mentara/meetings-server . → meetings-server.api.md',
      '@mentara/meetings-server ./redis → meetings-server-redis.api.md',
    ]);
  });
});

describe('undocumentedIn', () => {
  it('names the exports and members an API report marks as undocumented', () => {
    const report = [
      '// @public',
      'export interface Documented {',
      '    // (undocumented)',
      '    plain: string;',
      "    // (undocumented)",
      "    'data-state': 'on' | 'off';",
      '    described: number;',
      '}',
      '',
      '// @public (undocumented)',
      'export class Store {',
      '    // (undocumented)',
      '    readonly size: number;',
      '    // (undocumented)',
      '    close(): void;',
      '}',
      '',
      '// @public (undocumented)',
      "type MediaSource_2 = 'camera';",
      'export { MediaSource_2 as MediaSource }',
      '',
      '// Warning: (ae-forgotten-export) The symbol "X" needs to be exported by the entry point index.d.ts',
      '//',
      '// @public (undocumented)',
      'export function start(x: X): void;',
    ].join('\n');
    expect(undocumentedIn(report)).toEqual({
      exports: ['Store', 'MediaSource', 'start'],
      members: ['Documented.plain', 'Documented.data-state', 'Store.size', 'Store.close'],
    });
  });
});
