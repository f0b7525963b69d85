'use strict';
// Loudvoice comments of the emulator: read and delete one comment (docs/oneall-api.md §8.8). Every site starts
// with the two comments of LOUDVOICE_COMMENTS (a comment and a reply to it), in the documented comment structure
// (docs loudvoice/comments). GUESSES: the answer key `comment`, the author and discussion parts, 404 texts, and
// a delete without delete_sub_comments=true of a comment with replies keeping the replies.

const { oneallDate } = require('./envelope.cjs');

const LOUDVOICE_COMMENTS = Object.freeze({
  comment: '10dc0000-0000-4000-8000-000000000001',
  reply: '10dc0000-0000-4000-8000-000000000002',
  discussion: 'd15c0000-0000-4000-8000-000000000001',
  author: 'a0700000-0000-4000-8000-000000000001',
});
const SEEDED_AT = Date.UTC(2024, 0, 15, 9, 30);

function store(ctx) {
  if (!ctx.data.loudvoice) {
    const base = { discussion_token: LOUDVOICE_COMMENTS.discussion, author_token: LOUDVOICE_COMMENTS.author, created: SEEDED_AT };
    ctx.data.loudvoice = {
      comments: new Map([
        [LOUDVOICE_COMMENTS.comment, { ...base, token: LOUDVOICE_COMMENTS.comment, parent: null, text: 'First!', order: 1 }],
        [LOUDVOICE_COMMENTS.reply, { ...base, token: LOUDVOICE_COMMENTS.reply, parent: LOUDVOICE_COMMENTS.comment, text: 'A reply', order: 2 }],
      ]),
    };
  }
  return ctx.data.loudvoice;
}

const commentFull = (comments, c) => ({
  comment_token: c.token,
  comment_reference: null,
  parent_comment_token: c.parent,
  parent_comment_reference: null,
  num_child_comments: [...comments.values()].filter((x) => x.parent === c.token).length,
  date_creation: oneallDate(c.created),
  date_last_update: oneallDate(c.created),
  post_order: String(c.order),
  has_been_approved: true,
  is_spam: false,
  is_trashed: false,
  ip_address: '192.0.2.10',
  text: c.text,
  votes: { num_votes_up: 0, num_votes_down: 0 },
  author: { author_token: c.author_token, name: 'Emulated Author' },
  discussion: { discussion_token: c.discussion_token },
});

function routes(helpers) {
  const { ok, fail } = helpers;
  function readComment(ctx) {
    const { comments } = store(ctx);
    const c = comments.get(ctx.params.comment_token);
    return c ? ok(ctx, { comment: commentFull(comments, c) }, { kind: 'read' }) : fail(ctx, 404, `The comment ${ctx.params.comment_token} does not exist`, { kind: 'read' });
  }
  function deleteComment(ctx) {
    if (ctx.query.confirm_deletion !== 'true') return fail(ctx, 400, 'Add confirm_deletion=true to the query to confirm the deletion', { kind: 'write' });
    const { comments } = store(ctx);
    const c = comments.get(ctx.params.comment_token);
    if (!c) return fail(ctx, 404, `The comment ${ctx.params.comment_token} does not exist`, { kind: 'write' });
    comments.delete(c.token);
    if (ctx.query.delete_sub_comments === 'true') {
      for (const x of [...comments.values()]) if (x.parent === c.token) comments.delete(x.token);
    }
    return ok(ctx, undefined, { kind: 'write' });
  }
  return [
    ['GET', '/loudvoice/comments/:comment_token.json', readComment],
    ['DELETE', '/loudvoice/comments/:comment_token.json', deleteComment],
  ];
}

module.exports = { loudvoiceRoutes: routes, LOUDVOICE_COMMENTS };
