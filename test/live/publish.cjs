'use strict';
// `check:live --publish-to`: one push per push operation of the identity's network, with bodies built from the
// node's own push tables (required and primary fields, sample values), then the Update API delete where OneAll
// offers one (docs/oneall-api.md §5). Only called after the typed confirmation.

const { loadPathRules } = require('./pushSpecs.cjs');

// Ids read from the live site (pickers, push answers) go into paths only through the node's own rules.
let rules;
const pathRules = () => (rules ??= loadPathRules());

/** Sample values; the media URLs must be public files OneAll can download (docs/oneall-api.md §9.1). */
function sampleValues(env) {
  return {
    text: `n8n-nodes-oneall check:live ${new Date().toISOString().slice(0, 19)}Z, removed again where OneAll allows`,
    picture: env.ONEALL_CHECK_PICTURE_URL || 'http://public.oneallcdn.com/img/oneall/logo_sni_retina.png',
    video: env.ONEALL_CHECK_VIDEO_URL || '',
    link: env.ONEALL_CHECK_LINK_URL || 'https://github.com/n8n-nodes-oneall/n8n-nodes-oneall',
    youtubeVideoId: env.ONEALL_CHECK_YOUTUBE_VIDEO_ID || '',
  };
}

const placeholders = (path) => [...path.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]);
const pathKey = (path) => path.replace(/\{[a-z_]+\}/g, '{}');

function setDotted(target, dotted, value) {
  const keys = dotted.split('.');
  let node = target;
  for (const k of keys.slice(0, -1)) node = node[k] ??= {};
  node[keys[keys.length - 1]] = value;
}

function urlFor(field, sample) {
  const name = `${field.key} ${field.label}`.toLowerCase();
  if (name.includes('callback')) return { omit: true };
  if (name.includes('video')) return sample.video ? { value: sample.video } : { skip: 'set ONEALL_CHECK_VIDEO_URL to a public video file' };
  if (name.includes('picture') || name.includes('thumbnail')) return { value: sample.picture };
  return { value: sample.link };
}

/** -> { body, segments, keys } or { skip: reason } */
function sampleBody(spec, ids, sample) {
  const segments = {};
  for (const name of placeholders(spec.path)) {
    if (!ids[name]) return { skip: `no ${name} of this identity to publish to` };
    const checked = pathRules().pathId(ids[name], `The ${name} id read from the site`);
    if (checked.error) return { skip: checked.error };
    segments[name] = checked.id;
  }
  const object = {};
  for (const field of spec.fields) {
    if (field.inPath) continue;
    const privateOption = field.kind === 'options' && (field.options || []).some((o) => o.value === 'private');
    const wanted = field.required || field.primary || field.kind === 'locator' || privateOption ||
      (field.kind === 'idList' && /playlists$/.test(field.key) && ids.playlist);
    if (!wanted) continue;
    let value;
    switch (field.kind) {
      case 'locator': {
        if (!ids[field.locator]) return { skip: `no ${field.locator} of this identity (picker list empty)` };
        // Also a path segment later: the removal of a page post names the page in its path.
        const checked = pathRules().pathId(ids[field.locator], `The ${field.locator} id read from the site`);
        if (checked.error) return { skip: checked.error };
        value = checked.id;
        break;
      }
      case 'url': {
        const u = urlFor(field, sample);
        if (u.skip) return { skip: u.skip };
        if (u.omit) continue;
        value = u.value;
        break;
      }
      case 'options':
        value = privateOption ? 'private' : field.default ?? field.options?.[0]?.value;
        break;
      case 'boolean':
        value = field.default ?? false;
        break;
      case 'number':
        value = 0;
        break;
      case 'idList':
        value = [ids.playlist];
        break;
      default:
        if (field.key === 'id' && spec.path.includes('playlist')) {
          // Add Video to Playlist needs an existing video: the one uploaded in this run, or one named by env.
          if (!ids.youtubeVideo && !sample.youtubeVideoId) return { skip: 'set ONEALL_CHECK_YOUTUBE_VIDEO_ID to one of the channel\'s videos' };
          value = ids.youtubeVideo || sample.youtubeVideoId;
        } else {
          value = field.maxLength ? sample.text.slice(0, field.maxLength) : sample.text;
        }
    }
    setDotted(object, field.key, value);
  }
  return { body: { request: { push: { [spec.object]: object } } }, segments, keys: Object.keys(object) };
}

const idOf = (data) => (data && data.object ? data[`${data.object}_id`] : undefined);

// Where OneAll's Update API can remove what a push created (docs/oneall-api.md §5), by push path: the section,
// the delete's path below /update/identities/<identity>/, and the ids that fill it (checked before use).
const REMOVALS = {
  'pinterest/board/{}/pin.json': (d) => ['§5.5', 'pinterest/pin/{id}.json', { id: idOf(d) }],
  'twitter/post.json': (d) => ['§5.4', 'twitter/post/{id}.json', { id: idOf(d) }],
  'facebook/page/post.json': (d, o) => ['§5.1', 'facebook/page/{page}/post/{id}.json', { page: o.id, id: idOf(d) }],
  'facebook/page/picture.json': (d, o) => ['§5.2', 'facebook/page/{page}/picture/{id}.json', { page: o.id, id: idOf(d) }],
  'facebook/page/video.json': (d, o) => ['§5.3', 'facebook/page/{page}/video/{id}.json', { page: o.id, id: idOf(d) }],
  'youtube/playlist.json': (d) => ['§5.6', 'youtube/playlist/{id}.json', { id: idOf(d) }],
  'youtube/playlist/{}/video.json': (d, o, s) => ['§5.6', 'youtube/playlist/{playlist}/video/{id}.json', { playlist: s.playlist, id: o.id }],
  // Channel section ids hold dots between their parts, as the node's Delete Channel Section allows.
  'youtube/channel/section.json': (d) => ['§5.7', 'youtube/channel/section/{id}.json', { id: idOf(d) }, { dotted: true }],
};

function removalFor(spec, data, object, segments) {
  const rule = REMOVALS[pathKey(spec.path)];
  if (!rule) return { possible: false, note: 'OneAll\'s Update API has no delete for this object: remove it by hand' };
  const [section, template, ids, options] = rule(data || {}, object || {}, segments);
  if (Object.values(ids).some((id) => id === undefined || id === null || id === '')) {
    return { possible: false, section, note: 'the answer carries no id to delete with: remove it by hand' };
  }
  const checked = {};
  for (const [name, id] of Object.entries(ids)) {
    const result = pathRules().pathId(id, `The ${name} id`, options);
    if (result.error) return { possible: false, section, note: `unexpected id format (${result.error}): remove it by hand` };
    checked[name] = result.id;
  }
  return { possible: true, section, rest: pathRules().apiPath(template, checked) };
}

/** Pushes without path ids first, so created boards, playlists and videos can be used by the later ones. */
const pushOrder = (specs) => [...specs].sort((a, b) => placeholders(a.path).length - placeholders(b.path).length);

/**
 * Sends every push, then the deletes in reverse order. `call(method, path, body)` -> { status, json, error }.
 * Returns one entry per push operation for the report.
 */
async function runPushes({ specs, identity, ids, sample, call, say }) {
  const results = [];
  const removals = [];
  for (const spec of pushOrder(specs)) {
    const entry = { operation: spec.operation, name: spec.name, certainty: spec.certainty, path: `POST /push/identities/{identity_token}/${spec.path}` };
    results.push(entry);
    const built = sampleBody(spec, ids, sample);
    if (built.skip) {
      Object.assign(entry, { outcome: 'skipped', note: built.skip });
      say(`  skipped  ${spec.name}: ${built.skip}`);
      continue;
    }
    const path = `/push/identities/${identity}/${pathRules().apiPath(spec.path, built.segments)}`;
    const answer = await call('POST', path, built.body);
    const status = answer.json?.response?.request?.status;
    const data = answer.json?.response?.result?.data;
    const accepted = answer.status >= 200 && answer.status < 300 && status?.flag !== 'error' && !(status?.code >= 400);
    Object.assign(entry, {
      outcome: accepted ? 'accepted' : 'rejected',
      sentKeys: built.keys,
      http: answer.status ?? null,
      status: status ? { code: status.code, info: status.info } : null,
      error: answer.error ?? null,
      resultKeys: data && typeof data === 'object' ? Object.keys(data) : [],
    });
    say(`  ${accepted ? 'accepted' : 'REJECTED'} ${spec.name} (${spec.certainty}) -> HTTP ${answer.status ?? '-'}${status?.info ? `: ${status.info}` : ''}`);
    if (!accepted) continue;
    // Ids from the answer are used by later pushes (in paths) only when they pass the node's path rules.
    const created = idOf(data) === undefined ? undefined : pathRules().pathId(idOf(data), `The ${data.object} id OneAll returned`);
    if (created?.id && (data.object === 'board' || data.object === 'playlist')) ids[data.object] = created.id;
    if (created?.id && spec.network === 'youtube' && data.object === 'video') ids.youtubeVideo = created.id;
    const removal = removalFor(spec, data, built.body.request.push[spec.object], built.segments);
    entry.removal = { possible: removal.possible, section: removal.section ?? null, note: removal.note ?? null };
    if (removal.possible) removals.push({ entry, removal });
  }
  for (const { entry, removal } of removals.reverse()) {
    const answer = await call('DELETE', `/update/identities/${identity}/${removal.rest}`);
    const status = answer.json?.response?.request?.status;
    entry.removal.removed = answer.status === 200 && status?.flag !== 'error';
    entry.removal.http = answer.status ?? null;
    if (status?.info) entry.removal.info = status.info;
    say(`  ${entry.removal.removed ? 'removed ' : 'NOT removed'} ${entry.name} -> HTTP ${answer.status ?? '-'}${entry.removal.removed ? '' : `: ${status?.info ?? answer.error ?? ''}`}`);
  }
  return results;
}

module.exports = { runPushes, sampleBody, sampleValues, removalFor, pushOrder };
