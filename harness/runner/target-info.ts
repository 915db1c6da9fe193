// What a case knows about the target under test: where it is, the LUN, credentials and names.

/** The parsed target URL plus the run's capabilities. */
export interface TargetInfo {
  host: string;
  port: number;
  iqn: string;
  lun: number;
  /** CHAP user and secret the initiator proves itself with. */
  user?: string;
  secret?: string;
  /** Mutual CHAP: the name and secret the target proves itself with. */
  targetUser?: string;
  targetSecret?: string;
  initiatorName: string;
  /** A second initiator name for cases that need two I_T nexuses. */
  initiatorName2?: string;
}

/** The URL with the CHAP secrets replaced, for reports and replay commands. */
export function redactedUrl(t: TargetInfo): string {
  const auth = t.user === undefined ? '' : `${encodeURIComponent(t.user)}${t.secret === undefined ? '' : '%<secret>'}@`;
  const q: string[] = [];
  if (t.targetUser !== undefined) q.push(`target_user=${encodeURIComponent(t.targetUser)}`, 'target_password=<secret>');
  return `iscsi://${auth}${t.host}:${t.port}/${t.iqn}/${t.lun}${q.length ? `?${q.join('&')}` : ''}`;
}
