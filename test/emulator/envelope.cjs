'use strict';
// OneAll response envelope (docs/oneall-api.md §2.4, §3.2) and date formats (§2.6).

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// OneAll runs in Luxembourg; a fixed non-zero offset makes clients that ignore the zone visible.
const OFFSET_MIN = 120;

const pad = (n) => String(n).padStart(2, '0');

/** 'Fri, 25 Jan 2018 12:00:53 +0200' */
function oneallDate(ms) {
  const d = new Date(ms + OFFSET_MIN * 60000);
  return (
    `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +${pad(OFFSET_MIN / 60)}00`
  );
}

/** '2021-10-20T16:32:10' (pin_created_at style: ISO without a zone; we use UTC). */
function isoNoZone(ms) {
  return new Date(ms).toISOString().slice(0, 19);
}

const SUCCESS_INFO = 'Your request has been processed successfully';
const AUTH_INFO =
  'Authentication credentials are missing or incorrect: http://docs.oneall.com/api/basic/authentication/';

// Paraphrases of OneAll's status table (docs/oneall-api.md §3.1); 405 and 504 are not in it (guesses).
const DEFAULT_INFO = {
  200: SUCCESS_INFO,
  201: 'Your request has been processed successfully and the resource has been created',
  207: 'Your request has partially succeeded',
  304: 'There is no new data to return',
  400: 'The request is invalid',
  401: AUTH_INFO,
  403: 'The request has been understood but it has been refused',
  404: 'The requested resource does not exist',
  405: 'The method is not allowed for this resource',
  409: 'The request is correct but could not be executed',
  429: 'Too many requests have been made in a given amount of time',
  500: 'An unrecoverable error occurred on the server',
  502: 'The API is experiencing technical problems or is undergoing maintenance',
  503: 'The API is currently overloaded, please try again later',
  504: 'The request could not be processed in time',
};

const infoFor = (code) => DEFAULT_INFO[code] || `Error ${code}`;

function envelope({ resource, flag, code, info, result, now }) {
  const response = {
    request: { date: oneallDate(now), resource, status: { flag, code, info: info ?? infoFor(code) } },
  };
  if (result !== undefined) response.result = result;
  return { response };
}

const successEnvelope = (resource, data, now, resultStatus) =>
  envelope({
    resource,
    flag: 'success',
    code: 200,
    info: SUCCESS_INFO,
    now,
    result: resultStatus ? { status: resultStatus, data } : { data },
  });

// Error bodies carry no `result` (the documented 401 body has none).
const errorEnvelope = (resource, code, info, now) => envelope({ resource, flag: 'error', code, info, now });

module.exports = {
  oneallDate,
  isoNoZone,
  envelope,
  successEnvelope,
  errorEnvelope,
  infoFor,
  SUCCESS_INFO,
  AUTH_INFO,
  DEFAULT_INFO,
};
