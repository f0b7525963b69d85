// End-to-end rows for the Update API and asynchronous videos (same row format as e2e-cases.mjs).

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

/** The example's manual trigger becomes a webhook, so that `n8n start` runs it and the Wait node can resume. */
function startByWebhook(path) {
  return (wf) => {
    const trigger = wf.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger');
    const oldName = trigger.name;
    Object.assign(trigger, {
      name: 'Start',
      type: 'n8n-nodes-base.webhook',
      typeVersion: 2,
      webhookId: randomUUID(),
      parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
    });
    wf.connections.Start = wf.connections[oldName];
    delete wf.connections[oldName];
  };
}

export const UPDATE_CASES = [
  {
    name: 'Pinterest > publish, update, delete a pin; the second delete reports that it is gone',
    workflow: 'examples/pinterest-pin-lifecycle.json',
    check({ out, requests, FIXTURES }) {
      const pinId = String(out('Publish Pin')[0].pin_id);
      const base = `/update/identities/${FIXTURES.identities.pinterest}/pinterest/pin/${pinId}.json`;
      assert.deepEqual(
        requests.map((r) => `${r.method} ${r.path} ${r.status}`),
        [
          `POST /push/identities/${FIXTURES.identities.pinterest}/pinterest/board/${FIXTURES.pinterest.boardId}/pin.json 200`,
          `PUT ${base} 200`,
          `DELETE ${base} 200`,
          `DELETE ${base} 404`,
        ],
      );
      assert.deepEqual(requests[1].body, {
        request: { update: { pin: { board: 'photos', description: 'Photo of the stadium', link: 'https://www.fcbarcelona.com/' } } },
      });
      assert.equal(requests[2].rawBody, '');
      assert.equal(out('Update Pin')[0].pin_description, 'Photo of the stadium');
      assert.equal(out('Delete Pin')[0].deleted, true);
      assert.equal(out('Delete Pin')[0].pin_id, pinId);
      const again = out('Delete Again')[0];
      assert.equal(again.httpCode, '404');
      assert.match(again.error, /does not exist/);
    },
  },
  {
    name: 'Webhook + Wait: YouTube > Upload Video, resumed by OneAll\'s callback, then Add Video to Playlist with the video id',
    workflow: 'examples/youtube-upload-wait-playlist.json',
    id: 'oneallYoutubeUploadWaitE2e',
    patch: startByWebhook('oneall-video-e2e'),
    via: 'webhook',
    webhook: { path: 'oneall-video-e2e', body: {} },
    // OneAll takes minutes; 3 s is enough for the execution to be waiting when the callback comes.
    setup: ({ emu }) => emu.setCallbackDelay(3000),
    check({ out, requests, emu, FIXTURES, url }) {
      const upload = requests.find((r) => r.path.endsWith('/youtube/video.json'));
      const callbackUrl = upload.body.request.push.video.callback_url;
      assert.ok(callbackUrl.startsWith(`${url}/webhook-waiting/`), callbackUrl);
      const videoId = out('Upload Video')[0].video_id;
      assert.match(String(videoId), /^yt/);
      assert.equal(out('Upload Video')[0].video_status, 'queued');

      const [callback] = emu.callbacks;
      assert.equal(callback.url, callbackUrl);
      assert.equal(callback.delivered, true, callback.error ?? 'not delivered');
      assert.equal(callback.status, 200);
      const resumed = out('Wait for OneAll')[0];
      assert.equal(resumed.body.response.result.data.video_id, videoId);
      assert.equal(resumed.body.response.result.data.video_status, 'processed');

      const playlist = FIXTURES.youtube.playlistIds[0];
      const add = requests.find((r) => r.path.endsWith(`/youtube/playlist/${playlist}/video.json`));
      assert.ok(add, 'Add Video to Playlist reached OneAll');
      assert.deepEqual(add.body, { request: { push: { video: { id: videoId } } } });
      assert.ok(add.seq > upload.seq);
      assert.equal(out('Add Video to Playlist')[0].playlist_item_video_id, videoId);
      assert.equal(out('Add Video to Playlist')[0].playlist_item_playlist_id, playlist);
    },
  },
];
