// The limits the reference target advertises in the Block Limits VPD page (SBC-3) and enforces.

/** MAXIMUM COMPARE AND WRITE LENGTH, in blocks: small enough that a test can exceed it. */
export const MAX_COMPARE_AND_WRITE_BLOCKS = 64;
/** Bytes one READ/WRITE may move; the block count is this over the block size. */
export const MAX_TRANSFER_BYTES = 8 * 1024 * 1024;
/** OPTIMAL TRANSFER LENGTH in blocks. */
export const OPTIMAL_TRANSFER_BLOCKS = 128;
/** MAXIMUM UNMAP LBA COUNT (total blocks in one UNMAP). */
export const MAX_UNMAP_LBA_COUNT = 0x10000;
/** MAXIMUM UNMAP BLOCK DESCRIPTOR COUNT. */
export const MAX_UNMAP_DESCRIPTORS = 256;

/** MAXIMUM TRANSFER LENGTH in blocks for a block size. */
export const maxTransferBlocks = (blockSize: number): number => MAX_TRANSFER_BYTES / blockSize;

/**
 * MAXIMUM WRITE SAME LENGTH in blocks (WSNZ=0: 0 blocks means "to the end", bounded by this). No larger
 * than MAXIMUM TRANSFER LENGTH, so any range one WRITE SAME may write or unmap can also be written
 * and read back by one WRITE / READ: initiators check the outcome that way (libiscsi
 * WriteSame16.Unmap writes and reads MAXIMUM WRITE SAME LENGTH blocks, up to 65536, in one command).
 */
export const maxWriteSameBlocks = (blockSize: number): number => maxTransferBlocks(blockSize);
