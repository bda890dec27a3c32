import { describe, expect, it } from 'vitest';
import { gradeCamera, gradeMicrophone, gradeNetwork, gradeSignalling, overallVerdict } from './verdict';
import type { PrecallStepResult } from './types';

describe('pre-call verdicts', () => {
  it('grades the relay-path test by its worst figure', () => {
    expect(gradeNetwork({ rttMs: 40, packetLoss: 0, availableBitrate: 2_000_000 })).toEqual({ verdict: 'good', reason: null, advice: [] });
    const poor = gradeNetwork({ rttMs: 400, packetLoss: 0.07, availableBitrate: 350_000 });
    expect(poor.verdict).toBe('poor');
    expect(poor.reason).toBe('packet-loss');
    expect(poor.advice).toEqual(['move-closer-to-router', 'try-another-network', 'close-apps-using-network', 'expect-audio-only']);
    expect(gradeNetwork({ rttMs: 80, packetLoss: 0.01, availableBitrate: 400_000 })).toMatchObject({ verdict: 'fair', reason: 'low-bandwidth' });
    expect(gradeNetwork({}).verdict).toBe('failed');
  });

  it('grades devices and signalling', () => {
    expect(gradeCamera({}, null).verdict).toBe('failed');
    expect(gradeCamera({ frameRate: 30 }, 3).reason).toBe('dark-picture');
    expect(gradeCamera({ frameRate: 25 }, 120).verdict).toBe('good');
    expect(gradeMicrophone(0.0001)).toMatchObject({ verdict: 'poor', reason: 'silent' });
    expect(gradeMicrophone(null).verdict).toBe('fair');
    expect(gradeMicrophone(0.2).verdict).toBe('good');
    expect(gradeSignalling(300).verdict).toBe('good');
    expect(gradeSignalling(9_000).verdict).toBe('poor');
  });

  it('takes the worst finished step as the overall verdict', () => {
    const step = (verdict: PrecallStepResult['verdict']) => ({ verdict }) as PrecallStepResult;
    expect(overallVerdict([step(null)])).toBeNull();
    expect(overallVerdict([step('good'), step('fair'), step(null)])).toBe('fair');
    expect(overallVerdict([step('poor'), step('failed')])).toBe('failed');
  });
});
