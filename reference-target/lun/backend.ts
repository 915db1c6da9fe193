// One interface for every LUN backing store (RAM, file), so the SBC command code never knows which it drives.

/** Provisioning state of a run of blocks (SBC-3 GET LBA STATUS: 0 mapped, 1 deallocated). */
export interface ProvisioningRun {
  lba: number;
  blocks: number;
  mapped: boolean;
}

/** A logical unit's medium: fixed-size blocks, thin-provisioned, unmapped blocks read as zeros. */
export interface LunBackend {
  readonly blockSize: number;
  /** Capacity in logical blocks. */
  readonly blocks: number;
  /** Reads `count` blocks from `lba`; the caller has checked the range. */
  read(lba: number, count: number): Promise<Buffer>;
  /** Writes whole blocks (`data.length` a multiple of blockSize) at `lba`; maps them. */
  write(lba: number, data: Buffer): Promise<void>;
  /** Deallocates blocks: they read back as zeros afterwards (LBPRZ=1). */
  unmap(lba: number, count: number): Promise<void>;
  /** The first run of equal provisioning state that starts at `lba` (never longer than `max` blocks). */
  provisioning(lba: number, max: number): ProvisioningRun;
  /** Makes written data durable (FUA, SYNCHRONIZE CACHE); a no-op for RAM. */
  flush(): Promise<void>;
  close(): Promise<void>;
}
