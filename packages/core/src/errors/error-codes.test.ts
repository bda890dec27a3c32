import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorsTable } from '../../scripts/errors-table';
import { CLIENT_ERROR_CODES, MeetingError } from './meeting-error';
import { meetingErrorCodes } from './error-codes';

describe('meetingErrorCodes', () => {
  it('lists every wire and client code once, with hint and recoverability', () => {
    const codes = meetingErrorCodes();
    expect(new Set(codes.map((c) => c.code)).size).toBe(codes.length);
    for (const code of Object.keys(CLIENT_ERROR_CODES)) expect(codes.some((c) => c.code === code && c.origin === 'client')).toBe(true);
    expect(codes.find((c) => c.code === 'peer-connection-failed')).toMatchObject({ recoverable: true });
    expect(codes.find((c) => c.code === 'permission-denied')?.hint).toBe(new MeetingError('permission-denied').hint);
  });
  it('the README error table is the generated one', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(`<!-- errors:start -->\n${errorsTable()}\n<!-- errors:end -->`);
  });
});
