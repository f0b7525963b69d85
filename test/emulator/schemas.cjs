'use strict';
// Every push body the emulator accepts, written from docs/oneall-api.md §4 and OneAll's pin page (copy in
// test/fixtures/push-pinterest-pin.txt), NOT from the node's code: a wrong mapping in the node must fail here.
// `ref` = the section of docs/oneall-api.md that describes the endpoint (a test checks it exists);
// `source` = the public source (docs page address, or SDK repository and file).
//
// certainty: 'seed-page' | 'docs' -> STRICT (unknown keys = 400)
//            'sdk' | 'guess'      -> LENIENT (unknown keys accepted, listed in log entry validation.unknownKeys)
// Field types: string, url (fully qualified http/https), boolean, string[], string|string[], string|number,
//              enum (values), object (fields). `ref` = the id must belong to the identity (404 otherwise).
// Schema-level rules: anyOf (at least one present), exclusive (not together).
// result: object = name used in result.data (`<object>_id`); fields = explicit result keys (pin only),
//         else every known body key present is echoed as `<object>_<key>` (rename: body key -> echo key).
//         idStyle: numeric | youtube-video | youtube-playlist | youtube-section. async: answers video_status
//         'queued' and POSTs the outcome to callback_url (docs/oneall-api.md §4.7 #16, §4.8 #17, §9.2).

const FB_PICTURE_NOTE = 'url: fully qualified, <= 5 MB, jpeg/bmp/png/gif/tiff (not checked: no download)';

const PUSH_SCHEMAS = [
  {
    n: 1, name: 'Facebook · Publish User Post', provider: 'facebook', path: 'facebook/post.json', object: 'post',
    certainty: 'sdk', ref: '§4.4 #1', source: 'github.com/oneall/php-api-examples curl/push_api/push_identity_facebook_post.php (2017); github.com/oneall/php-sdk 1.x Facebook::post()',
    fields: { message: { type: 'string' }, link: { type: 'url' }, attachments: { type: 'string[]' } },
    anyOf: [['message', 'link']], // php-sdk requires message or link
    result: { object: 'post' },
  },
  {
    n: 2, name: 'Facebook · Upload User Picture', provider: 'facebook', path: 'facebook/picture.json', object: 'picture',
    certainty: 'docs', ref: '§4.4 #2', source: 'https://docs.oneall.com/api/resources/push/facebook/picture/ (2017)', note: FB_PICTURE_NOTE,
    fields: { url: { type: 'url', required: true }, description: { type: 'string' }, create_post: { type: 'boolean' } },
    result: { object: 'picture' },
  },
  {
    n: 3, name: 'Facebook · Upload User Video', provider: 'facebook', path: 'facebook/video.json', object: 'video',
    certainty: 'sdk', ref: '§4.4 #3', source: 'github.com/oneall/php-api-examples curl/push_api/push_identity_facebook_video.php (2017); github.com/oneall/php-sdk 1.x Facebook::uploadVideo()',
    note: '`url` per the SDK; the API may now want video_url (unknown). Async? unknown: no callback here.',
    fields: { url: { type: 'url', required: true }, description: { type: 'string' }, create_post: { type: 'boolean' } },
    result: { object: 'video' },
  },
  {
    n: 4, name: 'Facebook · Publish Group Post', provider: 'facebook', path: 'facebook/group/post.json', object: 'group',
    certainty: 'guess', ref: '§4.4 #4', source: 'GUESS: analogy with #7 (page id in the body) -> push.group.id',
    fields: {
      id: { type: 'string', required: true, ref: 'groups' },
      message: { type: 'string' }, link: { type: 'url' }, attachments: { type: 'string[]' },
    },
    anyOf: [['message', 'link', 'attachments']],
    result: { object: 'post', rename: { id: 'group_id' } },
  },
  {
    n: 5, name: 'Facebook · Upload Group Picture', provider: 'facebook', path: 'facebook/group/picture.json', object: 'group',
    certainty: 'guess', ref: '§4.4 #5', source: 'GUESS: analogy with #8 -> push.group{id,url,description}',
    fields: { id: { type: 'string', required: true, ref: 'groups' }, url: { type: 'url', required: true }, description: { type: 'string' } },
    result: { object: 'picture', rename: { id: 'group_id' } },
  },
  {
    n: 6, name: 'Facebook · Upload Group Video', provider: 'facebook', path: 'facebook/group/video.json', object: 'group',
    certainty: 'guess', ref: '§4.4 #6', source: 'GUESS: analogy with #8/#3 -> push.group{id,url|video_url,description}',
    fields: {
      id: { type: 'string', required: true, ref: 'groups' },
      url: { type: 'url' }, video_url: { type: 'url' }, description: { type: 'string' },
    },
    anyOf: [['url', 'video_url']],
    result: { object: 'video', rename: { id: 'group_id', video_url: 'url' } },
  },
  {
    n: 7, name: 'Facebook · Publish Page Post', provider: 'facebook', path: 'facebook/page/post.json', object: 'page',
    certainty: 'sdk', ref: '§4.4 #7', source: 'github.com/oneall/php-sdk src/Api/Apis/Provider/Facebook.php pushPagePosts() (2019); link/attachments rule: https://docs.oneall.com/api/resources/update/facebook/page/post/update/',
    fields: {
      id: { type: 'string', required: true, ref: 'pages' },
      message: { type: 'string' }, link: { type: 'url' }, attachments: { type: 'string[]' },
    },
    anyOf: [['message', 'link', 'attachments']],
    exclusive: [['link', 'attachments']], // documented for the page post update body
    result: { object: 'post', rename: { id: 'page_id' } },
  },
  {
    n: 8, name: 'Facebook · Upload Page Picture', provider: 'facebook', path: 'facebook/page/picture.json', object: 'page',
    certainty: 'sdk', ref: '§4.4 #8', source: 'github.com/oneall/php-sdk src/Api/Apis/Provider/Facebook.php pushPagePicture() (2019)', note: FB_PICTURE_NOTE,
    fields: { id: { type: 'string', required: true, ref: 'pages' }, url: { type: 'url', required: true }, description: { type: 'string' } },
    result: { object: 'picture', rename: { id: 'page_id' } },
  },
  {
    n: 9, name: 'Facebook · Upload Page Video', provider: 'facebook', path: 'facebook/page/video.json', object: 'page',
    certainty: 'guess', ref: '§4.4 #9', source: 'GUESS: page{id, url|video_url, description}',
    fields: {
      id: { type: 'string', required: true, ref: 'pages' },
      url: { type: 'url' }, video_url: { type: 'url' }, description: { type: 'string' },
    },
    anyOf: [['url', 'video_url']],
    result: { object: 'video', rename: { id: 'page_id', video_url: 'url' } },
  },
  {
    n: 10, name: 'LinkedIn · Publish User Post', provider: 'linkedin', path: 'linkedin/post.json', object: 'post',
    certainty: 'sdk', ref: '§4.5 #10', source: 'github.com/oneall/php-api-examples curl/push_api/push_identity_linkedin_post.php (2017); github.com/oneall/php-sdk src/Api/Apis/Provider/LinkedIn.php pushPost() (2019): only link mandatory',
    fields: {
      title: { type: 'string' }, description: { type: 'string' }, message: { type: 'string' },
      link: { type: 'url', required: true }, picture: { type: 'url' },
    },
    result: { object: 'post' },
  },
  {
    n: 11, name: 'LinkedIn · Publish Company Post', provider: 'linkedin', path: 'linkedin/company/post.json', object: 'post',
    certainty: 'sdk', ref: '§4.5 #11', source: 'github.com/oneall/php-sdk src/Api/Apis/Provider/LinkedIn.php pushCompanyPost() (2019)',
    fields: {
      company: { type: 'string', required: true, ref: 'companies' }, link: { type: 'url', required: true },
      title: { type: 'string' }, description: { type: 'string' }, message: { type: 'string' }, picture: { type: 'url' },
    },
    result: { object: 'post' },
  },
  {
    n: 12, name: 'Pinterest · Publish Pin', provider: 'pinterest', path: 'pinterest/board/:board_id/pin.json', object: 'pin',
    certainty: 'seed-page', ref: '§4.2', source: 'https://docs.oneall.com/api/resources/push/pinterest/pin/ (copy: test/fixtures/push-pinterest-pin.txt)',
    pathRefs: { board_id: 'boards' },
    fields: {
      title: { type: 'string', required: true }, picture: { type: 'url', required: true },
      description: { type: 'string' }, board_section_id: { type: 'string' }, link: { type: 'url' },
    },
    // Exactly the seed page's result keys, in its order; absent optional text is echoed as ''.
    result: {
      object: 'pin',
      fields: {
        pin_board_id: 'path.board_id', pin_picture: 'body.picture', pin_title: 'body.title',
        pin_description: 'body.description', pin_created_at: 'now', pin_link: 'body.link',
      },
    },
  },
  {
    n: 13, name: 'Pinterest · Publish Board', provider: 'pinterest', path: 'pinterest/board.json', object: 'board',
    certainty: 'guess', ref: '§4.6', source: 'GUESS: push.board{name,description}',
    fields: { name: { type: 'string', required: true }, description: { type: 'string' } },
    result: { object: 'board' },
  },
  {
    n: 14, name: 'Twitter · Publish Tweet', provider: 'twitter', path: 'twitter/post.json', object: 'post',
    certainty: 'sdk', ref: '§4.7 #14', source: 'github.com/oneall/php-api-examples curl/push_api/push_identity_twitter_post.php (2017); github.com/oneall/php-sdk src/Api/Apis/Provider/Twitter.php pushTweet() (2019)',
    fields: { message: { type: 'string' }, location: { type: 'string' }, attachments: { type: 'string[]' } },
    anyOf: [['message', 'attachments']],
    result: { object: 'post' },
  },
  {
    n: 15, name: 'Twitter · Upload Picture', provider: 'twitter', path: 'twitter/picture.json', object: 'picture',
    certainty: 'docs', ref: '§4.7 #15', source: 'https://docs.oneall.com/api/resources/push/twitter/picture/ (2017)', note: FB_PICTURE_NOTE,
    fields: { description: { type: 'string' }, url: { type: 'url', required: true } },
    result: { object: 'picture' },
  },
  {
    n: 16, name: 'Twitter · Upload Video', provider: 'twitter', path: 'twitter/video.json', object: 'video',
    certainty: 'sdk', ref: '§4.7 #16', source: 'https://docs.oneall.com/api/resources/push/twitter/video/ (async, callback_url; docs-partial); keys: github.com/oneall/php-sdk src/Api/Apis/Provider/Twitter.php pushVideo()',
    fields: { video_url: { type: 'url', required: true }, callback_url: { type: 'url' } },
    async: true,
    result: { object: 'video', rename: { video_url: 'url' } },
  },
  {
    n: 17, name: 'YouTube · Upload Video', provider: 'youtube', path: 'youtube/video.json', object: 'video',
    certainty: 'sdk', ref: '§4.8 #17', source: 'https://docs.oneall.com/api/resources/push/youtube/video/ (async; docs-partial); keys: github.com/oneall/php-sdk src/Api/Apis/Provider/Youtube.php pushVideos(); video_url, title mandatory per github.com/oneall/php-api-examples',
    fields: {
      video_url: { type: 'url', required: true }, title: { type: 'string', required: true },
      description: { type: 'string' }, thumbnail_url: { type: 'url' }, callback_url: { type: 'url' },
    },
    async: true,
    result: { object: 'video', idStyle: 'youtube-video', rename: { video_url: 'url' } },
  },
  {
    n: 18, name: 'YouTube · Add Video to Playlist', provider: 'youtube', path: 'youtube/playlist/:playlist_id/video.json', object: 'video',
    certainty: 'guess', ref: '§4.8 #18', source: 'GUESS: push.video.id',
    pathRefs: { playlist_id: 'playlists' },
    fields: { id: { type: 'string', required: true } },
    result: { object: 'playlist_item', rename: { id: 'video_id' }, extra: { playlist_id: 'path.playlist_id' } },
  },
  {
    n: 19, name: 'YouTube · Create Playlist', provider: 'youtube', path: 'youtube/playlist.json', object: 'playlist',
    certainty: 'guess', ref: '§4.8 #19', source: 'GUESS: from https://docs.oneall.com/api/resources/update/youtube/playlist/update/ (title required)',
    fields: {
      title: { type: 'string', required: true }, description: { type: 'string' },
      privacy_status: { type: 'enum', values: ['public', 'private', 'unlisted'] }, default_language: { type: 'string' },
    },
    result: { object: 'playlist', idStyle: 'youtube-playlist' },
  },
  {
    n: 20, name: 'YouTube · Add Channel Section', provider: 'youtube', path: 'youtube/channel/section.json', object: 'channel',
    certainty: 'guess', ref: '§4.8 #20', source: 'GUESS: from https://docs.oneall.com/api/resources/update/youtube/channel/section/update/ (camelCase defaultLanguage)',
    fields: {
      section: {
        type: 'object', required: true,
        fields: {
          type: { type: 'string', required: true }, style: { type: 'string' }, title: { type: 'string' },
          position: { type: 'string|number' }, defaultLanguage: { type: 'string' }, playlists: { type: 'string|string[]' },
        },
      },
    },
    result: { object: 'section', idStyle: 'youtube-section', echoFrom: 'section' },
  },
];

// Non-push write bodies (docs/oneall-api.md §7.1, §7.3); both documented -> strict.
const WRITE_SCHEMAS = {
  link: {
    name: 'Re-link identity', root: 'user', certainty: 'docs', ref: '§7.1', source: 'https://docs.oneall.com/api/resources/identities/relink-identity/',
    fields: { user_token: { type: 'string', required: true } },
  },
  synchronize: {
    name: 'Synchronize identity', root: 'synchronize', certainty: 'docs', optionalBody: true, ref: '§7.3',
    source: 'https://docs.oneall.com/api/resources/identities/synchronize-identity/ (placeholders are quoted: "true"/"false" strings accepted)',
    fields: { update_user_data: { type: 'boolish' }, force_token_update: { type: 'boolish' } },
  },
};

// Import a user from a provider token (docs/oneall-api.md §7.2). The newest page shows user_token and
// identity.source{key, access_token{key, secret}, id_token{value}}; the older page and php-api-examples
// also send action "import_from_access_token". One of access_token and id_token is needed (handler).
WRITE_SCHEMAS.importUser = {
  name: 'Import user from access token', root: 'user', certainty: 'docs', ref: '§7.2',
  source: 'https://docs.oneall.com/api/resources/users/import-user/; github.com/oneall/php-sdk src/Api/Apis/User.php createUser()',
  fields: {
    action: { type: 'enum', values: ['import_from_access_token'] },
    user_token: { type: 'string' },
    identity: {
      type: 'object',
      required: true,
      fields: {
        source: {
          type: 'object',
          required: true,
          fields: {
            key: { type: 'string', required: true },
            access_token: { type: 'object', fields: { key: { type: 'string', required: true }, secret: { type: 'string' } } },
            id_token: { type: 'object', fields: { value: { type: 'string', required: true } } },
          },
        },
      },
    },
  },
};

const isStrict = (schema) => schema.certainty === 'seed-page' || schema.certainty === 'docs';

module.exports = { PUSH_SCHEMAS, WRITE_SCHEMAS, isStrict };
