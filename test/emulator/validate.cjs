'use strict';
// Checks a parsed request body against a schema from schemas.cjs.
// Returns { errors: string[], unknownKeys: string[] (full dotted paths), object (the validated object or null) }.

const { isStrict } = require('./schemas.cjs');

const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function isFullyQualifiedUrl(v) {
  if (typeof v !== 'string' || !/^https?:\/\/[^\s]+$/i.test(v)) return false;
  try {
    return Boolean(new URL(v).hostname);
  } catch {
    return false;
  }
}

// Strict base64: what Buffer.from(s, 'base64') would silently accept with junk in it is refused.
const isBase64 = (v) => v.length > 0 && v.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(v);

// Returns an error text (without the key name) or null.
function typeError(spec, v) {
  switch (spec.type) {
    case 'string':
      return typeof v === 'string' ? null : 'must be a string';
    case 'url':
      return isFullyQualifiedUrl(v) ? null : 'must be a fully qualified URL (http:// or https://)';
    case 'boolean':
      return typeof v === 'boolean' ? null : 'must be a boolean (true or false, unquoted)';
    case 'boolish':
      return typeof v === 'boolean' || v === 'true' || v === 'false' ? null : 'must be true or false';
    case 'string[]':
      return Array.isArray(v) && v.every((x) => typeof x === 'string' && x !== '') ? null : 'must be an array of strings';
    case 'string|string[]':
      return typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'))
        ? null
        : 'must be a string or an array of strings';
    case 'string|number':
      return typeof v === 'string' || typeof v === 'number' ? null : 'must be a string or a number';
    case 'enum':
      return spec.values.includes(v) ? null : `must be one of ${spec.values.join(', ')}`;
    case 'object':
      return isPlainObject(v) ? null : 'must be an object';
    case 'anyObject': // an object whose keys are the client's own (an identity, custom data): not descended
      return isPlainObject(v) ? null : 'must be an object';
    case 'integer':
      return Number.isInteger(v) || (typeof v === 'string' && /^\d+$/.test(v)) ? null : 'must be a whole number';
    case 'object[]':
      return Array.isArray(v) && v.length > 0 && v.every(isPlainObject) ? null : 'must be a non-empty array of objects';
    case 'base64':
      return typeof v === 'string' && isBase64(v) ? null : 'must be base64 (A-Z a-z 0-9 + /, padded with =)';
    case 'filename':
      return typeof v === 'string' && /^[^/\\\0]{1,255}$/.test(v) && v.trim() === v ? null : 'must be a file name (no path, no surrounding spaces)';
    case 'flag01':
      return [0, 1, '0', '1', true, false].includes(v) ? null : 'must be 1 or 0';
    default:
      return `has an unsupported type ${spec.type}`;
  }
}

// A required string that is empty counts as missing: OneAll cannot publish an empty title.
const isMissing = (v) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

function checkFields(fields, obj, rel, out) {
  const missing = [];
  for (const [key, spec] of Object.entries(fields)) {
    const v = obj[key];
    if (spec.required && isMissing(v)) missing.push(rel + key);
    else if (v !== undefined) {
      const err = typeError(spec, v);
      if (err) out.errors.push(`${rel}${key} ${err}`);
      else if (spec.type === 'object') checkFields(spec.fields, v, `${rel}${key}.`, out);
      else if (spec.type === 'object[]') v.forEach((element, i) => checkFields(spec.fields, element, `${rel}${key}[${i}].`, out));
    }
  }
  if (missing.length) out.errors.unshift(`Missing required field(s): ${missing.join(', ')}`);
  for (const k of Object.keys(obj)) if (!Object.hasOwn(fields, k)) out.unknown.push(out.base + rel + k);
}

/**
 * @param schema a PUSH_SCHEMAS or WRITE_SCHEMAS entry
 * @param body parsed JSON (or undefined when there was no body)
 * @param rootPath ['push', 'pin'] for pushes, ['user'] for link, ...
 */
function validateBody(schema, body, rootPath) {
  const base = ['request', ...rootPath].join('.') + '.';
  const out = { errors: [], unknown: [], base };
  const shape = `{"request":{${rootPath.map((k) => `"${k}":{`).join('')}…}}}`;
  const fail = (msg) => ({ errors: [msg], unknownKeys: out.unknown, object: null });
  if (body === undefined && schema.optionalBody) return { errors: [], unknownKeys: [], object: {} };
  if (!isPlainObject(body)) return fail(`The request body must be JSON of the form ${shape}`);
  // Walk request -> push -> <object>, noting siblings we don't know (full dotted paths).
  let node = body;
  let path = '';
  for (const key of ['request', ...rootPath]) {
    for (const k of Object.keys(node)) if (k !== key) out.unknown.push(path + k);
    path += key + '.';
    node = node[key];
    if (node === undefined && schema.optionalBody) return { errors: [], unknownKeys: out.unknown, object: {} };
    if (!isPlainObject(node)) return fail(`Missing or invalid ${path.slice(0, -1)}: the body must be of the form ${shape}`);
  }
  checkFields(schema.fields, node, '', out);
  const present = (k) => !isMissing(node[k]);
  for (const group of schema.anyOf || []) {
    if (!group.some(present)) out.errors.push(`At least one of these fields is required: ${group.join(', ')}`);
  }
  for (const group of schema.exclusive || []) {
    if (group.filter(present).length > 1) out.errors.push(`${group.join(' and ')} are mutually exclusive`);
  }
  if (isStrict(schema) && out.unknown.length) {
    const names = out.unknown.map((k) => (k.startsWith(base) ? k.slice(base.length) : k));
    out.errors.push(`Unknown field(s): ${names.join(', ')}`);
  }
  return { errors: out.errors, unknownKeys: out.unknown, object: node };
}

module.exports = { validateBody, isFullyQualifiedUrl, isPlainObject, isBase64 };
