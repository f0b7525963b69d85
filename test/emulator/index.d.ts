// Types for test/emulator/index.cjs (the OneAll API emulator). Import it from TS tests as
//   import { startEmulator, FIXTURES } from '../emulator/index.cjs';   (index.d.cts re-exports this file)
/* eslint-disable @typescript-eslint/no-explicit-any -- parsed JSON bodies are reached into freely by tests */

export interface SiteKeys {
  subdomain: string;
  publicKey: string;
  privateKey: string;
}

export type FaultType =
  | 'status'
  | 'rateLimit'
  | 'html'
  | 'malformed'
  | 'empty'
  | 'reset'
  | 'timeout'
  | 'errorIn200'
  | 'afterProcessing'
  | 'slow'
  | 'asyncFailure'
  | 'reshape'
  | 'redirect'
  | 'drip'
  | 'echoAuth'
  | 'body';

export interface FaultSpec {
  type: FaultType;
  /** HTTP method to match (any when omitted). */
  method?: string;
  /** Path without the /sites/<sub> prefix: string prefix or RegExp (any when omitted). */
  path?: string | RegExp;
  /** Site subdomain to match (any when omitted). */
  site?: string;
  /** How many requests it hits; default 1; -1 or Infinity = until reset(). */
  times?: number;
  /** The fault expires this many ms after it was added (an outage); `times` then defaults to unlimited. */
  forMs?: number;
  /** Only every N-th matching request: the 1st, (N+1)-th, (2N+1)-th …; the others pass and do not use up `times`. */
  /** The first N matching requests pass untouched (then `every` and `times` apply). */
  after?: number;
  every?: number;
  /** status: code to answer; html default 502; errorIn200: envelope code (default 400); afterProcessing default 502. */
  status?: number;
  info?: string;
  /** Adds a Retry-After header (seconds). */
  retryAfter?: number | string;
  /** timeout: drop the connection after this; slow: wait this long, then answer normally; drip: ms between bytes. */
  delayMs?: number;
  /** afterProcessing only: what the client gets after the push was processed. Default 'status'. */
  then?: 'status' | 'reset' | 'timeout';
  /** reshape only: dotted paths from the top of the body to delete; `*` = every element or key. */
  drop?: string[];
  /** reshape only: dotted path -> replacement value (e.g. a number where OneAll's docs show a string). */
  set?: Record<string, unknown>;
  /** redirect only: the Location header. */
  location?: string;
  /** body only: the JSON body answered verbatim. */
  body?: unknown;
}

export type Outcome = 'processed' | 'rejected' | 'fault' | 'rate-limited';

export interface RequestLogEntry {
  seq: number;
  site: string;
  method: string;
  /** Path as called, without the /sites/<sub> prefix and without the query. */
  path: string;
  query: Record<string, string>;
  /** Lower-case header names; authorization is "[redacted]". */
  headers: Record<string, string | string[] | undefined>;
  /** Public key presented with Basic auth, or null. */
  authUser: string | null;
  authOk: boolean;
  /** Parsed JSON body or null. */
  body: any;
  /** Raw body, truncated at 10 KB. */
  rawBody: string;
  /** HTTP status answered; null when the connection was dropped or never answered. */
  status: number | null;
  outcome: Outcome | null;
  kind: 'push' | 'read' | 'write' | 'update' | 'delete' | null;
  fault: FaultType | null;
  validation: { errors: string[]; unknownKeys: string[] };
  /** status.info of an error answer produced by the API logic. */
  error: string | null;
  /** result.data of a processed push. */
  result: Record<string, any> | null;
  receivedAt: string;
}

export interface CallbackRecord {
  /** The push whose video outcome this is; null for a sharing-analytics pingback. */
  pushSeq: number | null;
  /** Sharing-analytics pingback: the snapshot's token. */
  snapshot?: string;
  url: string;
  delivered: boolean;
  status: number | null;
  error: string | null;
  body: any;
  sentAt: string | null;
}

export interface EmulatorStats {
  received: number;
  processedPushes: number;
  rejected: number;
  faults: number;
  rateLimited: number;
}

export interface EmulatorOptions {
  port?: number;
  host?: string;
  latencyMs?: number;
  rateLimit?: { requestsPerSecond: number };
  asyncCallbackDelayMs?: number;
  seed?: number;
  userCount?: number;
  connectionCount?: number;
  /** Users appended with a facebook, a linkedin and a twitter identity each (see networkUsers()). */
  networkUserCount?: number;
  /** Clock (ms since epoch) used for envelope dates and created_at values. */
  now?: () => number;
  /** Called once per API request when it is finished. */
  onRequest?: (entry: RequestLogEntry) => void;
  /** How list answers are shaped (profiles.cjs); default 'generous'. */
  answers?: AnswerProfile;
  /** Data encryption on: connection reads answer the user data as opaque text (README: encrypted site). */
  encryptedSite?: boolean;
}

/**
 * 'generous' (default): lists as {pagination, count, entries}, entries with the emulator's extra keys.
 * 'public': strictly like OneAll's public examples: no pagination, an empty list is {"count":0} without
 * entries, entries with only the documented keys (profiles.cjs PUBLIC_ENTRY_KEYS).
 */
export type AnswerProfile = 'generous' | 'public';

export interface Fixtures {
  site: { subdomain: string; publicKey: string };
  otherSite: { subdomain: string; publicKey: string };
  users: { primary: string; secondary: string; foreign: string; sharing: string };
  /** Identities of users.sharing; the linkedin one is revoked (Sharing publications on it fail). */
  sharingIdentities: { facebook: string; twitter: string; linkedin: string };
  user: string;
  identities: { pinterest: string; facebook: string; twitter: string; linkedin: string; youtube: string; steam: string; tiktok: string; twitch: string };
  foreignIdentities: { pinterest: string; facebook: string; youtube: string };
  connection: string;
  unknownIdentity: string;
  unknownUser: string;
  unknownConnection: string;
  pinterest: { boardId: string; boardIds: string[]; boardSectionId: string; foreignBoardId: string };
  facebook: { pageIds: string[]; groupIds: string[]; foreignPageId: string; foreignGroupId: string };
  linkedin: { companyIds: string[] };
  youtube: { playlistIds: string[]; channelIds: string[]; foreignPlaylistId: string };
  counts: { users: number; connections: number; identities?: number };
  accessTokenMarker: string;
}

export interface Emulator {
  /** Base URL of the default site, e.g. http://127.0.0.1:12345 */
  readonly url: string;
  readonly port: number;
  readonly sites: readonly string[];
  /** http://127.0.0.1:<port>/sites/<sub> */
  siteUrl(subdomain: string): string;
  /** Every API request received, in order (live array; control endpoints are not logged). */
  readonly requests: RequestLogEntry[];
  /** Async video callbacks sent (or refused: only loopback URLs are called). */
  readonly callbacks: CallbackRecord[];
  /** FIXTURES plus the actual counts of this instance. */
  readonly fixtures: Fixtures;
  /** Requests whose push was processed (accepted). */
  pushes(): RequestLogEntry[];
  /** Groups of processed pushes with the same site, path and raw body. */
  duplicates(): RequestLogEntry[][];
  addFault(spec: FaultSpec): void;
  /** Adds users, identities and connections with a date_creation (events.cjs); answers the tokens created. */
  addEvents(body: NewEvents): { users: string[]; identities: string[]; connections: string[] };
  /** Pending faults. */
  faults(): FaultSpec[];
  /** Delay before an async video's callback is posted (default: the start option asyncCallbackDelayMs). */
  setCallbackDelay(ms: number): void;
  setLatency(ms: number): void;
  /** Answer profile of list answers from now on (also POST /__emulator/answers {"answers": …}); reset() restores the start option. */
  setAnswers(profile: AnswerProfile): void;
  readonly answers: AnswerProfile;
  /** Data encryption on from now on (also POST /__emulator/encrypted-site {"encryptedSite": true}); reset() restores the start option. */
  setEncryptedSite(on: boolean): void;
  setRateLimit(requestsPerSecond: number | undefined): void;
  /** Clears log, callbacks, faults, latency and rate limit, restores the start answer profile; data stays. */
  reset(): void;
  stats(): EmulatorStats;
  close(): Promise<void>;
}

export interface FieldSpec {
  type: string;
  required?: boolean;
  ref?: string;
  values?: string[];
  fields?: Record<string, FieldSpec>;
}

export interface PushSchema {
  n: number;
  name: string;
  provider: string;
  path: string;
  object: string;
  certainty: 'seed-page' | 'docs' | 'sdk' | 'guess';
  /** Section of docs/oneall-api.md describing the endpoint, e.g. '§4.4 #7'. */
  ref: string;
  /** Public source: a docs.oneall.com address, or SDK repository and file. */
  source: string;
  note?: string;
  fields: Record<string, FieldSpec>;
  anyOf?: string[][];
  exclusive?: string[][];
  pathRefs?: Record<string, string>;
  async?: boolean;
  result: Record<string, any>;
}

export function startEmulator(options?: EmulatorOptions): Promise<Emulator>;
export const DEFAULT_SITE: Readonly<SiteKeys>;
export const OTHER_SITE: Readonly<SiteKeys>;
/** A site with no users, identities, connections, messages or short URLs (a new OneAll site). */
export const EMPTY_SITE: Readonly<SiteKeys>;
export const ANSWER_PROFILES: readonly AnswerProfile[];
export const FIXTURES: Readonly<Fixtures>;
/** The two Loudvoice comments every site starts with (a comment and a reply to it), and their discussion and author. */
export const LOUDVOICE_COMMENTS: Readonly<{ comment: string; reply: string; discussion: string; author: string }>;
export const ACCESS_TOKEN_MARKER: string;
export const PUSH_SCHEMAS: PushSchema[];
export const WRITE_SCHEMAS: Record<string, any>;
export const FAULT_TYPES: FaultType[];

/** Body of POST /__emulator/events (events.cjs). date_creation: ISO text or milliseconds. */
export interface NewEvents {
  site?: string;
  users?: Array<{ user_token?: string; date_creation: string | number; identities?: Array<{ provider: string; identity_token?: string; displayName?: string }> }>;
  identities?: Array<{ user_token: string; provider: string; date_creation: string | number; identity_token?: string; displayName?: string }>;
  connections?: Array<{ identity_token: string; date_creation: string | number; connection_token?: string; plugin?: string }>;
}

/** The bytes GET /__emulator/files/<name>?bytes=N serves (no auth): a PNG signature and seeded bytes. */
export function emulatorFile(name: string, bytes?: number): Buffer;

/** The users startEmulator({ networkUserCount: n }) adds: each with a facebook, a linkedin and a twitter identity. */
export function networkUsers(count: number): Array<{ user_token: string; identities: { facebook: string; linkedin: string; twitter: string } }>;
