// SAM-5 status codes carried in the iSCSI SCSI Response Status byte. (checked: libiscsi include/iscsi.h)

/** SAM status codes by name. */
export const Status = {
  GOOD: 0x00, CHECK_CONDITION: 0x02, CONDITION_MET: 0x04, BUSY: 0x08,
  RESERVATION_CONFLICT: 0x18, TASK_SET_FULL: 0x28, ACA_ACTIVE: 0x30, TASK_ABORTED: 0x40,
} as const;
/** One of the SAM status codes. */
export type StatusCode = (typeof Status)[keyof typeof Status];

/** Printable names by code (SAM wording). */
export const StatusName: Readonly<Record<number, string>> = {
  0x00: 'GOOD', 0x02: 'CHECK CONDITION', 0x04: 'CONDITION MET', 0x08: 'BUSY',
  0x18: 'RESERVATION CONFLICT', 0x28: 'TASK SET FULL', 0x30: 'ACA ACTIVE', 0x40: 'TASK ABORTED',
};

/** Codes SAM made obsolete (INTERMEDIATE, INTERMEDIATE-CONDITION MET, COMMAND TERMINATED): never to be sent. */
export const ObsoleteStatus: readonly number[] = [0x10, 0x14, 0x22];

/** Name of a status, or its hex value when SAM does not define it. */
export const statusName = (s: number): string => StatusName[s] ?? `status 0x${s.toString(16).padStart(2, '0')}`;

/** True for a code SAM defines and a target may send today. */
export const isKnownStatus = (s: number): boolean => StatusName[s] !== undefined;
