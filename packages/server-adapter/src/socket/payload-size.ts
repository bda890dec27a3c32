/** Nesting deeper than this is refused as too large: no protocol payload comes close. */
const MAX_DEPTH = 32;

/**
 * The size of a decoded event payload as JSON, in bytes, counted without encoding it again: the
 * strings' UTF-8 lengths (exact; a string short enough that even 3 bytes per character fit is
 * counted by its length alone), numbers, keys and punctuation (escapes aside). The cost grows
 * with the number of values, not with their bytes, so a 5 KB SDP costs as much as a 50-byte one.
 * Stops counting as soon as `limit` is passed and returns a value above it.
 */
export function payloadSize(value: unknown, limit: number): number {
  return measure(value, limit, 0, 0);
}

function measure(value: unknown, limit: number, used: number, depth: number): number {
  if (used > limit) return used;
  switch (typeof value) {
    case 'string': {
      // UTF-8 needs at most 3 bytes per UTF-16 unit: only a string that could pass the limit is measured exactly.
      const bytes = value.length * 3 <= limit - used ? value.length : Buffer.byteLength(value);
      return used + bytes + 2;
    }
    case 'number':
      return used + 24;
    case 'boolean':
      return used + 5;
    case 'object': {
      if (value === null) return used + 4;
      if (depth >= MAX_DEPTH) return Number.POSITIVE_INFINITY;
      let total = used + 2;
      if (Array.isArray(value)) {
        for (const item of value) {
          total = measure(item, limit, total + 1, depth + 1);
          if (total > limit) return total;
        }
        return total;
      }
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue;
        total = measure((value as Record<string, unknown>)[key], limit, total + key.length + 4, depth + 1);
        if (total > limit) return total;
      }
      return total;
    }
    default:
      // undefined, functions, symbols, bigints: not in a decoded JSON payload.
      return used;
  }
}
