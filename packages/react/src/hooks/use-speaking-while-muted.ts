import { useEffect, useRef, useState } from 'react';
import type { MeetingSnapshot } from '@mentara/meetings-core';
import { useMeeting } from './use-meeting';
import { useStreamAudioLevel } from './use-stream-audio-level';

/** Level (0–1, as `useStreamAudioLevel` scales it) above which sound counts as speech. */
const SPEECH_LEVEL = 0.25;
/** Speech must last this many samples (100 ms each) to count: a cough or a click does not. */
const SUSTAINED_SAMPLES = 3;
/** The hint stays this long after the last speech. */
const HOLD_MS = 3000;

const selectWatch = (s: MeetingSnapshot) =>
  s.localParticipant !== null && !s.media.microphone.enabled && !s.media.microphone.pending ? s.devices.selectedMicrophoneId ?? 'default' : null;
const selectMicrophoneOn = (s: MeetingSnapshot) => s.media.microphone.enabled;

/**
 * Whether you are talking while muted (for a "You are muted" hint). While muted in a meeting —
 * and only after your microphone was on once, so permission was given — it listens to the
 * microphone locally: the sound is measured on this device and never sent. The browser shows
 * its microphone indicator meanwhile. `enabled: false` never opens the microphone.
 */
export function useSpeakingWhileMuted(enabled: boolean): boolean {
  const deviceId = useMeeting(selectWatch);
  const microphoneOn = useMeeting(selectMicrophoneOn);
  const everOn = useRef(false);
  if (microphoneOn) everOn.current = true;
  const [stream, setStream] = useState<MediaStream | null>(null);
  const watch = enabled && deviceId !== null && everOn.current;

  useEffect(() => {
    if (!watch || typeof navigator === 'undefined' || !navigator.mediaDevices?.getUserMedia) return;
    let current = true;
    let opened: MediaStream | null = null;
    const audio: MediaTrackConstraints = deviceId === 'default' ? {} : { deviceId: { exact: deviceId! } };
    navigator.mediaDevices.getUserMedia({ audio }).then(
      (s) => {
        opened = s;
        if (current) setStream(s);
        else s.getTracks().forEach((t) => t.stop());
      },
      // Refused or busy: no hint, nothing else to do.
      () => undefined,
    );
    return () => {
      current = false;
      opened?.getTracks().forEach((t) => t.stop());
      setStream(null);
    };
  }, [watch, deviceId]);

  const level = useStreamAudioLevel(stream);
  const loud = useRef(0);
  const lastSpeech = useRef(0);
  const [speaking, setSpeaking] = useState(false);
  useEffect(() => {
    loud.current = level > SPEECH_LEVEL ? loud.current + 1 : 0;
    if (loud.current < SUSTAINED_SAMPLES) return;
    lastSpeech.current = Date.now();
    setSpeaking(true);
  }, [level]);
  useEffect(() => {
    if (!speaking) return;
    const timer = setInterval(() => {
      if (Date.now() - lastSpeech.current > HOLD_MS) setSpeaking(false);
    }, 500);
    return () => clearInterval(timer);
  }, [speaking]);
  return watch && speaking;
}
