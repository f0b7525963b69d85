'use strict';
// Structural shapes of JSON answers and their comparison: which keys exist, which type each value has, and
// the same for every list entry. Values themselves are never kept, so a report holds no data of the site.

/** 'string' | 'number' | 'boolean' | 'null' | {object: {key: shape}} | {array: shape|null} | {anyOf: [...]} */
function shapeOf(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return { array: value.reduce((acc, v) => merge(acc, shapeOf(v)), null) };
  if (typeof value === 'object') {
    return { object: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shapeOf(v)])) };
  }
  return typeof value;
}

const kind = (s) => (s === null ? 'nothing' : typeof s === 'string' ? s : s.object ? 'object' : s.array !== undefined ? 'array' : 'anyOf');

/** The shape of values seen in several places (list entries): keys missing somewhere become optional. */
function merge(a, b) {
  if (a === null) return b;
  if (b === null) return a;
  const ka = kind(a);
  const kb = kind(b);
  if (ka === 'anyOf' || kb === 'anyOf' || ka !== kb) {
    const all = [...(ka === 'anyOf' ? a.anyOf : [a]), ...(kb === 'anyOf' ? b.anyOf : [b])];
    const byKind = new Map();
    for (const s of all) byKind.set(kind(s), byKind.has(kind(s)) ? merge(byKind.get(kind(s)), s) : s);
    return byKind.size === 1 ? [...byKind.values()][0] : { anyOf: [...byKind.values()] };
  }
  if (ka === 'object') {
    const keys = new Set([...Object.keys(a.object), ...Object.keys(b.object)]);
    const object = {};
    const optional = new Set([...(a.optional || []), ...(b.optional || [])]);
    for (const k of keys) {
      if (!(k in a.object) || !(k in b.object)) optional.add(k);
      object[k] = merge(a.object[k] ?? null, b.object[k] ?? null);
    }
    return optional.size ? { object, optional: [...optional].sort() } : { object };
  }
  if (ka === 'array') return { array: merge(a.array, b.array) };
  return a;
}

function describe(s) {
  const k = kind(s);
  if (k === 'anyOf') return s.anyOf.map(describe).join(' | ');
  return k;
}

/**
 * Differences between what the emulator answers (expected) and what the site answers (actual):
 * - missing: a key the emulator always sends is absent (the node or the emulator relies on a guess)
 * - type: same key, another type (e.g. a number where the emulator sends a string)
 * - extra: a key the emulator does not send (worth adding to the emulator, not an error)
 * - unchecked: an empty list on one side, so its entries could not be compared
 */
function compareShapes(expected, actual, path = '') {
  const here = path || '(body)';
  const ke = kind(expected);
  const ka = kind(actual);
  if (ke === 'anyOf') {
    const fits = expected.anyOf.find((s) => kind(s) === ka);
    return fits ? compareShapes(fits, actual, path) : [{ path: here, kind: 'type', expected: describe(expected), actual: describe(actual) }];
  }
  if (ke === 'nothing' || ka === 'nothing') return [{ path: here, kind: 'unchecked', expected: describe(expected), actual: describe(actual) }];
  if (ka === 'anyOf') {
    return actual.anyOf.flatMap((s) => compareShapes(expected, s, path));
  }
  if (ke !== ka) return [{ path: here, kind: 'type', expected: ke, actual: ka }];
  if (ke === 'array') {
    if (expected.array === null || actual.array === null) {
      return expected.array === actual.array ? [] : [{ path: `${here}[]`, kind: 'unchecked', expected: expected.array === null ? 'empty list' : 'entries', actual: actual.array === null ? 'empty list' : 'entries' }];
    }
    return compareShapes(expected.array, actual.array, `${path}[]`);
  }
  if (ke !== 'object') return [];
  const diffs = [];
  const optional = new Set(expected.optional || []);
  for (const [k, s] of Object.entries(expected.object)) {
    const sub = path ? `${path}.${k}` : k;
    if (!(k in actual.object)) {
      if (!optional.has(k)) diffs.push({ path: sub, kind: 'missing', expected: describe(s), actual: 'absent' });
    } else {
      diffs.push(...compareShapes(s, actual.object[k], sub));
    }
  }
  for (const [k, s] of Object.entries(actual.object)) {
    if (!(k in expected.object)) diffs.push({ path: path ? `${path}.${k}` : k, kind: 'extra', expected: 'absent', actual: describe(s) });
  }
  return diffs;
}

/**
 * match: same shape; extra: keys the emulator lacks (not an error); partial: a list empty on one side, so its
 * entries could not be compared; mismatch: missing keys or other types.
 */
function verdict(diffs) {
  if (diffs.some((d) => d.kind === 'missing' || d.kind === 'type')) return 'mismatch';
  if (diffs.some((d) => d.kind === 'extra')) return 'extra';
  if (diffs.length) return 'partial';
  return 'match';
}

module.exports = { shapeOf, merge, compareShapes, verdict };
