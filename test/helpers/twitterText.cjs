// X's own counter (the twitter-text package, v3 rules), the oracle for the node's tweet length.
'use strict';
const twitterText = require('twitter-text');

/** The weighted length X computes for `text` (URLs 23, CJK and emoji 2, …). */
function xWeightedLength(text) {
  return twitterText.parseTweet(text).weightedLength;
}

module.exports = { xWeightedLength };
