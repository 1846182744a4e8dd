/**
 * The changes between two parsed data files, compared as values (not as text: comments,
 * quoting, key order and line wrapping do not count). One change per differing leaf, named
 * by its field path; lists are matched item by item on equal values first, so adding a
 * year at the top of a list reports one addition, not every year after it as changed.
 */

export type ValuePath = (string | number)[];

export type ValueChange =
  | { kind: 'changed'; path: ValuePath; old: unknown; new: unknown }
  | { kind: 'added'; path: ValuePath; new: unknown }
  | { kind: 'removed'; path: ValuePath; old: unknown };

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

export function diffValues(
  oldValue: unknown,
  newValue: unknown,
  path: ValuePath = [],
): ValueChange[] {
  if (deepEqual(oldValue, newValue)) return [];
  if (isObject(oldValue) && isObject(newValue)) {
    const changes: ValueChange[] = [];
    for (const [k, v] of Object.entries(oldValue)) {
      if (!(k in newValue)) changes.push({ kind: 'removed', path: [...path, k], old: v });
      else changes.push(...diffValues(v, newValue[k], [...path, k]));
    }
    for (const [k, v] of Object.entries(newValue))
      if (!(k in oldValue)) changes.push({ kind: 'added', path: [...path, k], new: v });
    return changes;
  }
  if (Array.isArray(oldValue) && Array.isArray(newValue))
    return diffLists(oldValue, newValue, path);
  return [{ kind: 'changed', path, old: oldValue, new: newValue }];
}

/**
 * Lists: the longest run of equal items in common stays; between two kept items, removed
 * and added items are paired off in order as changes (compared inside), the rest are
 * removals (named by their old index) and additions (by their new index).
 */
function diffLists(a: readonly unknown[], b: readonly unknown[], path: ValuePath): ValueChange[] {
  const pairs = commonItems(a, b, deepEqual);
  const changes: ValueChange[] = [];
  let i = 0;
  let j = 0;
  for (const [ai, bj] of [...pairs, [a.length, b.length] as const]) {
    const removed = ai - i;
    const added = bj - j;
    const paired = Math.min(removed, added);
    for (let k = 0; k < paired; k++)
      changes.push(...diffValues(a[i + k], b[j + k], [...path, j + k]));
    for (let k = paired; k < removed; k++)
      changes.push({ kind: 'removed', path: [...path, i + k], old: a[i + k] });
    for (let k = paired; k < added; k++)
      changes.push({ kind: 'added', path: [...path, j + k], new: b[j + k] });
    i = ai + 1;
    j = bj + 1;
  }
  return changes;
}

/** Index pairs of a longest common subsequence of `a` and `b`, in order. */
export function commonItems<T>(
  a: readonly T[],
  b: readonly T[],
  equal: (x: T, y: T) => boolean,
): [number, number][] {
  const n = a.length;
  const m = b.length;
  const table = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let x = n - 1; x >= 0; x--) {
    for (let y = m - 1; y >= 0; y--) {
      const row = table[x] as Uint32Array;
      const next = table[x + 1] as Uint32Array;
      row[y] = equal(a[x] as T, b[y] as T)
        ? (next[y + 1] as number) + 1
        : Math.max(next[y] as number, row[y + 1] as number);
    }
  }
  const pairs: [number, number][] = [];
  let x = 0;
  let y = 0;
  while (x < n && y < m) {
    if (equal(a[x] as T, b[y] as T)) {
      pairs.push([x, y]);
      x++;
      y++;
    } else if (
      ((table[x + 1] as Uint32Array)[y] as number) >= ((table[x] as Uint32Array)[y + 1] as number)
    ) {
      x++;
    } else {
      y++;
    }
  }
  return pairs;
}

const MAX_SHOWN = 100;
const CONTEXT = 24;

/** A value as one line: numbers as they are, text quoted, mappings and lists compact. */
export function showValue(v: unknown): string {
  if (v === undefined) return '(none)';
  if (typeof v === 'string') return JSON.stringify(v);
  const text = JSON.stringify(v) ?? String(v);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

/**
 * Two long texts that differ in a few words, each cut to the part that differs with some
 * context, so a changed figure in a paragraph reads as one short line.
 */
export function showTextChange(a: string, b: string): [string, string] {
  if (a.length <= MAX_SHOWN && b.length <= MAX_SHOWN) return [showValue(a), showValue(b)];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (
    end < a.length - start &&
    end < b.length - start &&
    a[a.length - 1 - end] === b[b.length - 1 - end]
  )
    end++;
  const cut = (s: string) => {
    // Some context either side of the difference, cut at spaces rather than inside words.
    const back = s.lastIndexOf(' ', Math.max(0, start - CONTEXT));
    const from = start - CONTEXT <= 0 || back < 0 ? 0 : back + 1;
    const ahead = s.indexOf(' ', Math.min(s.length, s.length - end + CONTEXT));
    const to = ahead < 0 ? s.length : ahead;
    const middle = s.slice(from, to);
    const shown =
      middle.length > MAX_SHOWN * 2
        ? `${middle.slice(0, MAX_SHOWN)}…${middle.slice(-MAX_SHOWN / 2)}`
        : middle;
    return `${from > 0 ? '…' : ''}${JSON.stringify(shown).slice(1, -1)}${to < s.length ? '…' : ''}`;
  };
  return [`"${cut(a)}"`, `"${cut(b)}"`];
}

/** `field.path: old -> new`, one line per change. */
export function formatValueChange(c: ValueChange): string {
  const where = c.path.map(String).join('.') || '(the whole file)';
  if (c.kind === 'added') return `${where}: (none) -> ${showValue(c.new)}`;
  if (c.kind === 'removed') return `${where}: ${showValue(c.old)} -> (none)`;
  const [o, n] =
    typeof c.old === 'string' && typeof c.new === 'string'
      ? showTextChange(c.old, c.new)
      : [showValue(c.old), showValue(c.new)];
  return `${where}: ${o} -> ${n}`;
}
