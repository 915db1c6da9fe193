// iSCSI URLs in libiscsi's syntax plus our parameters; parse -> typed object whose printed forms hide the secrets.
import { inspect } from 'node:util';
import { UsageError } from '../errors.js';

/** Digest preference as libiscsi spells it: one value, or two joined by '-' in order of preference. */
export type DigestPref = 'none' | 'crc32c' | 'none-crc32c' | 'crc32c-none';

/** The fields an iSCSI URL carries. `target`/`lun` are absent for a portal URL (discovery). */
export interface IscsiUrlFields {
  host: string;
  port: number;
  target?: string;
  lun?: number;
  user?: string;
  secret?: string;
  targetUser?: string;
  targetSecret?: string;
  headerDigest?: DigestPref;
  dataDigest?: DigestPref;
  /** Our addition: the InitiatorName to log in with. */
  initiatorName?: string;
  /** Our addition: a second initiator name for multi-initiator cases (reservations, ACLs). */
  initiatorName2?: string;
}

/** The iSCSI well-known port (IANA). */
export const DEFAULT_ISCSI_PORT = 3260;
/** Largest LUN the URL accepts: SAM flat space addressing has 14 bits. */
export const MAX_URL_LUN = 16383;

const DIGESTS: readonly DigestPref[] = ['none', 'crc32c', 'none-crc32c', 'crc32c-none'];
const PARAMS = {
  header_digest: 'headerDigest', data_digest: 'dataDigest', target_user: 'targetUser',
  target_password: 'targetSecret', initiator_name: 'initiatorName', initiator_name2: 'initiatorName2',
} as const satisfies Record<string, keyof IscsiUrlFields>;
const SECRET_MARK = '<redacted>';

/** A parsed URL. The secrets are readable fields, but toString/toJSON/inspect never show them. */
export class IscsiUrl implements IscsiUrlFields {
  readonly host!: string;
  readonly port!: number;
  readonly target?: string;
  readonly lun?: number;
  readonly user?: string;
  readonly secret?: string;
  readonly targetUser?: string;
  readonly targetSecret?: string;
  readonly headerDigest?: DigestPref;
  readonly dataDigest?: DigestPref;
  readonly initiatorName?: string;
  readonly initiatorName2?: string;

  constructor(f: IscsiUrlFields) {
    for (const [k, v] of Object.entries(f)) if (v !== undefined) (this as unknown as Record<string, unknown>)[k] = v;
    // Secrets are not enumerable, so spreading or Object.entries of the object cannot leak them either.
    for (const k of ['secret', 'targetSecret'] as const)
      if (f[k] !== undefined) Object.defineProperty(this, k, { value: f[k], enumerable: false });
    Object.freeze(this);
  }

  /** All fields, secrets included: for code that needs them (login), never for printing. */
  fields(): IscsiUrlFields {
    return { ...this, ...(this.secret === undefined ? {} : { secret: this.secret }),
      ...(this.targetSecret === undefined ? {} : { targetSecret: this.targetSecret }) };
  }

  /** The URL with secrets replaced by `<redacted>`. */
  toString(): string {
    return formatUrl(this, { redact: true });
  }

  toJSON(): Record<string, unknown> {
    const o: Record<string, unknown> = Object.assign({}, this) as Record<string, unknown>;
    if (this.secret !== undefined) o.secret = SECRET_MARK;
    if (this.targetSecret !== undefined) o.targetSecret = SECRET_MARK;
    return o;
  }

  [inspect.custom](): string {
    return `IscsiUrl ${this.toString()}`;
  }
}

const bad = (url: string, what: string): never => {
  throw new UsageError(`bad iSCSI URL "${redactRaw(url)}": ${what}; expected ` +
    'iscsi://[user[%secret]@]host[:port][/target/lun][?key=value&...]', 'ERR_BAD_URL');
};

// A malformed URL may still hold a secret; hide the userinfo and password parameters before quoting it.
function redactRaw(url: string): string {
  return url.replace(/^(iscsi:\/\/)([^@/]*)@/i, (_m, s: string, ui: string) => `${s}${ui.split(/[%:]/)[0]}%${SECRET_MARK}@`)
    .replace(/(target_password=)[^&]*/g, `$1${SECRET_MARK}`);
}

function decode(url: string, s: string, what: string): string {
  if (/%(?![0-9a-fA-F]{2})/.test(s)) bad(url, `${what} has a '%' not followed by two hex digits`);
  try {
    return decodeURIComponent(s);
  } catch {
    return bad(url, `${what} is not valid UTF-8 after percent-decoding`);
  }
}

/** Parses an iSCSI URL; every malformed input throws UsageError with code ERR_BAD_URL saying what is wrong. */
export function parseUrl(url: string): IscsiUrl {
  if (typeof url !== 'string') throw new UsageError('an iSCSI URL must be a string', 'ERR_BAD_URL');
  const m = /^iscsi:\/\/([^/?#]*)(\/[^?#]*)?(\?[^#]*)?$/i.exec(url);
  if (!m) return bad(url, url.includes('#') ? 'fragments (#) are not allowed' : 'it must start with iscsi://');
  const [, authority = '', path = '', query = ''] = m;
  const f: Partial<IscsiUrlFields> & Record<string, unknown> = {};
  let hostPort = authority;
  const at = authority.lastIndexOf('@');
  if (at >= 0) {
    const userinfo = authority.slice(0, at);
    hostPort = authority.slice(at + 1);
    // libiscsi splits at the first '%' (or ':'), so the user name is literal; the secret is percent-decoded
    // (our extension, so a secret may hold '@', '/', '?' or '#').
    const sep = userinfo.search(/[%:]/);
    const user = sep < 0 ? userinfo : userinfo.slice(0, sep);
    if (!user) bad(url, 'the user name before @ is empty');
    if (!USER_OK.test(user)) bad(url, 'the user name holds a character a URL cannot carry literally (& [ ] or space)');
    f.user = user;
    if (sep >= 0) {
      const secret = userinfo.slice(sep + 1);
      if (!secret) bad(url, 'the CHAP secret after % is empty');
      f.secret = decode(url, secret, 'the CHAP secret');
    }
  }
  parseHostPort(url, hostPort, f);
  if (path && path !== '/') {
    const parts = path.slice(1).split('/');
    if (parts.length !== 2) bad(url, `the path must be /<target>/<lun>, got "${path}"`);
    const [target = '', lun = ''] = parts;
    if (!target) bad(url, 'the target name is empty');
    f.target = decode(url, target, 'the target name');
    if (!/^\d+$/.test(lun)) bad(url, `the LUN must be a decimal number, got "${lun}"`);
    const n = Number(lun);
    if (n > MAX_URL_LUN) bad(url, `LUN ${lun} is above ${MAX_URL_LUN}`);
    f.lun = n;
  }
  if (query.length > 1) parseQuery(url, query.slice(1), f);
  if (f.targetUser !== undefined && f.targetSecret === undefined) bad(url, 'target_user needs target_password');
  if (f.targetSecret !== undefined && f.targetUser === undefined) bad(url, 'target_password needs target_user');
  if (f.targetUser !== undefined && f.secret === undefined) bad(url, 'mutual CHAP (target_user) needs user%secret@ too');
  return new IscsiUrl(f as IscsiUrlFields);
}

function parseHostPort(url: string, hp: string, f: Partial<IscsiUrlFields>): void {
  let host: string;
  let port: string | undefined;
  if (hp.startsWith('[')) {
    const end = hp.indexOf(']');
    if (end < 0) bad(url, 'an IPv6 address opened with [ is not closed with ]');
    host = hp.slice(1, end);
    const rest = hp.slice(end + 1);
    if (rest && !rest.startsWith(':')) bad(url, `unexpected "${rest}" after the IPv6 address`);
    if (rest) port = rest.slice(1);
    if (!/^[0-9a-fA-F:.]+(%[A-Za-z0-9_.-]+)?$/.test(host) || !host.includes(':')) bad(url, `"${host}" is not an IPv6 address`);
  } else {
    const colon = hp.indexOf(':');
    host = colon < 0 ? hp : hp.slice(0, colon);
    if (colon >= 0) port = hp.slice(colon + 1);
    if (!host) bad(url, 'the host is empty');
    if (!/^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(host)) bad(url, `"${host}" is not a host name or IPv4 address (IPv6 goes in [ ])`);
  }
  f.host = host;
  f.port = DEFAULT_ISCSI_PORT;
  if (port !== undefined) {
    if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) bad(url, `port "${port}" is not a number from 1 to 65535`);
    f.port = Number(port);
  }
}

function parseQuery(url: string, q: string, f: Record<string, unknown>): void {
  for (const item of q.split('&')) {
    const eq = item.indexOf('=');
    if (eq <= 0) bad(url, `parameter "${item.split('=')[0]}" has no name or no "=value"`);
    const name = item.slice(0, eq);
    const value = decode(url, item.slice(eq + 1), `parameter ${name}`);
    if (!(name in PARAMS)) bad(url, `unknown parameter "${name}" (known: ${Object.keys(PARAMS).join(', ')})`);
    const field = PARAMS[name as keyof typeof PARAMS];
    if (f[field] !== undefined) bad(url, `parameter "${name}" is given twice`);
    if (!value) bad(url, `parameter "${name}" is empty`);
    if ((field === 'headerDigest' || field === 'dataDigest') && !DIGESTS.includes(value as DigestPref))
      bad(url, `${name} must be one of ${DIGESTS.join(', ')}, got "${value}"`);
    f[field] = value;
  }
}

// Characters left as they are in URL parts; everything else is percent-encoded so parse(format(x)) = x.
const enc = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
/** User names go into the URL literally (libiscsi does not decode them). */
const USER_OK = /^[^%:@/?#&\s]+$/;
const encPath = (s: string): string => enc(s).replace(/%3A/g, ':');

/** Formats a URL; with `redact` (the default) secrets print as `<redacted>`. */
export function formatUrl(u: IscsiUrlFields, opts: { redact?: boolean } = {}): string {
  const hide = opts.redact ?? true;
  const secret = (s: string): string => (hide ? SECRET_MARK : enc(s));
  let s = 'iscsi://';
  if (u.user !== undefined && !USER_OK.test(u.user))
    throw new UsageError(`user name "${u.user}" cannot be written in an iSCSI URL (no % : @ / ? # & or spaces)`, 'ERR_BAD_URL');
  if (u.user !== undefined) s += u.user + (u.secret !== undefined ? `%${secret(u.secret)}` : '') + '@';
  s += u.host.includes(':') ? `[${u.host}]` : u.host;
  if (u.port !== DEFAULT_ISCSI_PORT) s += `:${u.port}`;
  if (u.target !== undefined) s += `/${encPath(u.target)}/${u.lun ?? 0}`;
  const q: string[] = [];
  for (const [name, field] of Object.entries(PARAMS)) {
    const v = u[field];
    if (v !== undefined) q.push(`${name}=${field === 'targetSecret' ? secret(String(v)) : enc(String(v))}`);
  }
  return q.length ? `${s}?${q.join('&')}` : s;
}
