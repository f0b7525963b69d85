'use strict';
// `check:live --publish-to`: one push per push operation of the identity's network, with bodies built from the
// node's own push tables (required and primary fields, sample values), then the Update API delete where OneAll
// offers one (docs/oneall-api.md §5). Only called after the typed confirmation.

const SAFE_SEGMENT = /^[A-Za-z0-9._~-]{1,256}$/;

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
    segments[name] = ids[name];
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
      case 'locator':
        if (!ids[field.locator]) return { skip: `no ${field.locator} of this identity (picker list empty)` };
        value = ids[field.locator];
        break;
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

// Where OneAll's Update API can remove what a push created (docs/oneall-api.md §5), by push path.
const REMOVALS = {
  'pinterest/board/{}/pin.json': (d) => ['§5.5', idOf(d) && `pinterest/pin/${idOf(d)}.json`],
  'twitter/post.json': (d) => ['§5.4', idOf(d) && `twitter/post/${idOf(d)}.json`],
  'facebook/page/post.json': (d, o) => ['§5.1', idOf(d) && `facebook/page/${o.id}/post/${idOf(d)}.json`],
  'facebook/page/picture.json': (d, o) => ['§5.2', idOf(d) && `facebook/page/${o.id}/picture/${idOf(d)}.json`],
  'facebook/page/video.json': (d, o) => ['§5.3', idOf(d) && `facebook/page/${o.id}/video/${idOf(d)}.json`],
  'youtube/playlist.json': (d) => ['§5.6', idOf(d) && `youtube/playlist/${idOf(d)}.json`],
  'youtube/playlist/{}/video.json': (d, o, s) => ['§5.6', `youtube/playlist/${s.playlist}/video/${o.id}.json`],
  'youtube/channel/section.json': (d) => ['§5.7', idOf(d) && `youtube/channel/section/${idOf(d)}.json`],
};

function removalFor(spec, data, object, segments) {
  const rule = REMOVALS[pathKey(spec.path)];
  if (!rule) return { possible: false, note: 'OneAll\'s Update API has no delete for this object: remove it by hand' };
  const [section, rest] = rule(data || {}, object || {}, segments);
  if (!rest) return { possible: false, section, note: 'the answer carries no id to delete with: remove it by hand' };
  if (!rest.split('/').every((s) => SAFE_SEGMENT.test(s))) return { possible: false, section, note: 'unexpected id format: remove it by hand' };
  return { possible: true, section, rest };
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
    const path = `/push/identities/${identity}/${spec.path.replace(/\{([a-z_]+)\}/g, (_, n) => built.segments[n])}`;
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
    if (data?.object === 'board' || data?.object === 'playlist') ids[data.object] = idOf(data) ?? ids[data.object];
    if (spec.network === 'youtube' && data?.object === 'video' && idOf(data)) ids.youtubeVideo = idOf(data);
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
