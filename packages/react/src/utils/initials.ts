/** Splits text into user-perceived characters (a flag, an accented letter, a family emoji stay whole). */
function graphemes(text: string): string[] {
  if (typeof Intl !== 'undefined' && 'Segmenter' in Intl) {
    return Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text), (s) => s.segment);
  }
  // Older engines: a code point with the combining marks and joiners that follow it.
  return text.match(/\P{M}[\p{M}\u200d\ufe0f]*/gu) ?? [];
}

/** Emoji and flags (a flag is a pair of regional indicators). */
const PICTOGRAPH = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
/** Anything a name may start or end a word with that is not part of the person's name. */
const EDGE_PUNCTUATION =
  /^[^\p{L}\p{N}\p{Extended_Pictographic}\p{Regional_Indicator}]+|[^\p{L}\p{N}\p{M}\p{Extended_Pictographic}\p{Regional_Indicator}\u200d\ufe0f]+$/gu;

/**
 * One or two initials for an avatar: the first letter of the first and of the last word,
 * grapheme-correct ("Émile Zola" → "ÉZ", "José" → "J"). A note in brackets is not part of the
 * name ("Alex (client)" → "A"); a name that starts with an emoji shows that emoji alone.
 * Internal: not exported by the package.
 */
export function initialsOf(name: string, fallback = '?'): string {
  const withoutNotes = name.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
  const source = withoutNotes.trim() ? withoutNotes : name;
  const words = source
    .split(/\s+/)
    .map((word) => word.replace(EDGE_PUNCTUATION, ''))
    .filter(Boolean);
  const first = graphemes(words[0] ?? '')[0];
  if (!first) return fallback;
  if (PICTOGRAPH.test(first)) return first;
  const lastWord = words.length > 1 ? words[words.length - 1]! : '';
  const last = graphemes(lastWord)[0] ?? '';
  return (first + (PICTOGRAPH.test(last) ? '' : last)).toLocaleUpperCase();
}
