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
/** MAXIMUM WRITE SAME LENGTH in blocks (WSNZ=0: 0 blocks means "to the end", bounded by this). */
export const MAX_WRITE_SAME_BLOCKS = 0x10000;

/** MAXIMUM TRANSFER LENGTH in blocks for a block size. */
export const maxTransferBlocks = (blockSize: number): number => MAX_TRANSFER_BYTES / blockSize;
