'use strict';
// Test control: alter the shape of one endpoint's answer (fault type 'reshape'), so a contract check such as
// `npm run check:live` can be shown to notice when OneAll answers differently from the emulator.
//
// spec.drop: dotted paths to delete; spec.set: { dotted path: value } to replace (e.g. a string by a number) or add.
// Paths start at the top of the body ("response.result.data.boards.entries.*.board_id"); `*` = every array
// element or object key at that level.

function visit(node, keys, fn, create = false) {
  if (node === null || typeof node !== 'object' || keys.length === 0) return;
  const [key, ...rest] = keys;
  const present = Object.prototype.hasOwnProperty.call(node, key);
  // The last key may be new (set adds it); intermediate keys must exist.
  const children = key === '*' ? Object.keys(node) : present || (rest.length === 0 && create) ? [key] : [];
  for (const child of children) {
    if (rest.length === 0) fn(node, child);
    else visit(node[child], rest, fn, create);
  }
}

/** A reshaped deep copy of `json` (the original is left alone). */
function reshape(json, spec) {
  const copy = JSON.parse(JSON.stringify(json));
  for (const path of spec.drop || []) {
    visit(copy, path.split('.'), (parent, key) => {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    });
  }
  for (const [path, value] of Object.entries(spec.set || {})) {
    visit(copy, path.split('.'), (parent, key) => {
      parent[key] = value;
    }, true);
  }
  return copy;
}

module.exports = { reshape };
