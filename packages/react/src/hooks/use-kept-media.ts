import { useEffect, useRef, type RefObject } from 'react';
import { useMeetingClient } from '../context/meeting-context';
import { playMuted } from './use-attached-stream';
import { useIsomorphicLayoutEffect } from './use-element-size';

type MediaKind = 'video' | 'audio';

/** A media element kept under its key, and the tile holding it (`null`: given back, not yet stopped). */
interface Kept {
  element: HTMLMediaElement;
  holder: object | null;
}

/** Kept elements per client (per meeting), by key: two meetings on one page never share one. */
const keptByClient = new WeakMap<object, Map<string, Kept>>();

function keptFor(client: object): Map<string, Kept> {
  let kept = keptByClient.get(client);
  if (!kept) keptByClient.set(client, (kept = new Map()));
  return kept;
}

function createElement(kind: MediaKind): HTMLMediaElement {
  const element = document.createElement(kind);
  element.autoplay = true;
  if (element instanceof HTMLVideoElement) {
    element.playsInline = true;
    element.muted = true;
    element.setAttribute('aria-hidden', 'true');
  }
  return element;
}

function stop(element: HTMLMediaElement): void {
  element.srcObject = null;
  element.remove();
}

/**
 * The element kept under `key` for `holder`: the one given back under that key in this task (it
 * is still playing), or a new one. A key another holder still has gets a new element of its own
 * (the same person shown twice), which is not kept.
 */
function take(kept: Map<string, Kept>, key: string, kind: MediaKind, holder: object): HTMLMediaElement {
  const entry = kept.get(key);
  if (entry && entry.holder === null && entry.element.localName === kind) {
    entry.holder = holder;
    return entry.element;
  }
  const element = createElement(kind);
  if (!entry) kept.set(key, { element, holder });
  return element;
}

/** Gives `element` back; unless another holder takes it in the same task, it is stopped. */
function giveBack(kept: Map<string, Kept>, key: string, element: HTMLMediaElement, holder: object): void {
  const entry = kept.get(key);
  if (!entry || entry.element !== element || entry.holder !== holder) return stop(element);
  entry.holder = null;
  // React commits a layout change in one task: the tile that moved takes the element before this runs.
  queueMicrotask(() => {
    if (kept.get(key) !== entry || entry.holder !== null) return;
    kept.delete(key);
    stop(element);
  });
}

/**
 * A `<video>` or `<audio>` element that outlives the component showing it, kept by `key` (the
 * participant and the source): it is put in `container` (an element React renders without
 * children) and returned through the ref. When a layout change (a third person joins, someone is
 * pinned, a screen is shared) moves a tile to another part of the stage, React makes a new tile;
 * the new one takes the old one's element while it is still playing — a media element taken out
 * of the page and put back in the same task is not paused — so the picture does not go blank and
 * the voice does not stop while a new element starts. `key` `null`: no element.
 */
export function useKeptMedia<E extends HTMLMediaElement>(container: RefObject<HTMLElement | null>, key: string | null, kind: MediaKind): RefObject<E | null> {
  const client = useMeetingClient();
  const ref = useRef<E | null>(null);
  useIsomorphicLayoutEffect(() => {
    const parent = container.current;
    if (!parent || key === null) return;
    const kept = keptFor(client);
    const holder = {};
    const element = take(kept, key, kind, holder) as E;
    parent.appendChild(element);
    ref.current = element;
    return () => {
      if (ref.current === element) ref.current = null;
      giveBack(kept, key, element, holder);
    };
  }, [client, container, key, kind]);
  return ref;
}

/**
 * Plays `stream` in a kept element (see {@link useKeptMedia}) without restarting it when the
 * element comes from another tile with the same stream; `null` empties it. With `audible`, the
 * element is registered with the client's playback (speaker routing, blocked-autoplay detection);
 * otherwise it plays muted.
 */
export function useKeptStream(ref: RefObject<HTMLMediaElement | null>, stream: MediaStream | null, audible = false): void {
  const client = useMeetingClient();
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    if (!stream) {
      if (element.srcObject) element.srcObject = null;
      return;
    }
    if (element.srcObject !== stream) element.srcObject = stream;
    if (audible) return client.playback.attach(element);
    if (element.paused) playMuted(element);
    return undefined;
  }, [client, ref, stream, audible]);
}
