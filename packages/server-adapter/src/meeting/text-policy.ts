/**
 * What the server accepts as display names and chat text. Everything stays plain text: the
 * server never HTML-escapes (the React components render text nodes, never HTML), it removes
 * what would make text lie about itself — direction overrides that reorder characters
 * ("Trojan Source"), invisible characters that make two names look alike, control characters,
 * and stacks of combining marks that paint over neighbouring lines.
 */

/** Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the Arabic letter mark. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u061C]/g;
/** C0 and C1 controls, except tab and line feed (chat keeps those). */
const CONTROLS_BUT_TAB_LF = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
/** Invisible characters that would let a name imitate another: zero-width spaces, marks, fillers, soft hyphen, BOM. */
const INVISIBLE = /[\u00AD\u034F\u115F\u1160\u17B4\u17B5\u180E\u200B\u200E\u200F\u2060-\u2064\u3164\uFEFF\uFFA0]/g;
/** Keeps a joiner only where a script or an emoji needs it: ZWNJ between letters (Persian), ZWJ inside an emoji sequence. */
function dropStrayJoiners(text: string): string {
  return text.replace(/[\u200C\u200D]/g, (joiner, at: number) => {
    const before = text.slice(Math.max(0, at - 2), at);
    const after = text.slice(at + 1, at + 3);
    if (joiner === '\u200C') return /[\p{L}\p{M}]$/u.test(before) && /^\p{L}/u.test(after) ? joiner : '';
    return /[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]$/u.test(before) && /^\p{Extended_Pictographic}/u.test(after) ? joiner : '';
  });
}
/** More than four combining marks on one character (no script needs more; "Zalgo" text uses dozens). */
const MARK_STACKS = /(\p{M}{4})\p{M}+/gu;

/** Longest display name, in UTF-16 code units (as the join schema counts). */
export const MAX_DISPLAY_NAME_LENGTH = 64;

/** A name the full cleaning leaves as it is: 1–64 printable ASCII characters, no leading, trailing or double space. */
const PLAIN_NAME = /^(?=.{1,64}$)[\x21-\x7E]+(?: [\x21-\x7E]+)*$/;
/** Chat text in printable ASCII, tabs and line feeds only. */
const PLAIN_CHAT = /^[\x20-\x7E\t\n]*$/;

/** Cuts at `max` code units without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end);
}

/**
 * A display name as others will see it: NFC, one line, single spaces, no direction controls,
 * invisible characters or control characters, at most 64 code units. `undefined` when nothing
 * visible is left (the caller falls back to another name).
 */
export function cleanDisplayName(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  // Most names are already clean (printable ASCII, single inner spaces): nothing below would change them.
  if (PLAIN_NAME.test(raw)) return raw;
  const text = dropStrayJoiners(
    raw
      .normalize('NFC')
      .replace(/[\u0000-\u001F\u007F-\u009F]/g, ' ')
      .replace(BIDI_CONTROLS, '')
      .replace(INVISIBLE, ''),
  )
    .replace(MARK_STACKS, '$1')
    .replace(/\s+/gu, ' ')
    .trim();
  const name = cut(text, MAX_DISPLAY_NAME_LENGTH).trim();
  return name.length > 0 ? name : undefined;
}

/**
 * A chat message as it is stored and relayed: NFC, `\n` line ends, tabs and line feeds kept,
 * other control characters, direction controls and the BOM removed, mark stacks shortened,
 * trimmed. Zero-width spaces and joiners stay (Thai, Khmer, Persian and emoji use them); the
 * length limit applies to the result.
 */
export function cleanChatText(raw: string): string {
  // Printable ASCII with tabs and line feeds is already NFC and free of what is removed below.
  if (PLAIN_CHAT.test(raw)) return raw.trim();
  return raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROLS_BUT_TAB_LF, '')
    .replace(BIDI_CONTROLS, '')
    .replace(/\uFEFF/g, '')
    .replace(MARK_STACKS, '$1')
    .trim();
}
