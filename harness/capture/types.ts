// Shared capture types and the capture error (a DecodeError: the file cannot be read as a capture).
import { DecodeError } from '../errors.js';

/** One link-layer frame read from a capture file. */
export interface CapturedPacket {
  /** Seconds since the Unix epoch (sub-microsecond digits may be rounded). */
  time: number;
  /** LINKTYPE_* value of the interface the frame came from. */
  linkType: number;
  /** The captured bytes (a view of the file buffer). */
  data: Buffer;
  /** Length on the wire; more than data.length when the snap length cut the frame. */
  origLength: number;
  /** 0-based record (pcap) or block (pcapng) number, for messages. */
  record: number;
  /** Byte offset of the record or block in the file. */
  fileOffset: number;
}

/** The capture file is cut short (ERR_CAPTURE_TRUNCATED) or is not a readable pcap/pcapng (ERR_CAPTURE_FORMAT). */
export class CaptureError extends DecodeError {
  constructor(message: string, offset: number, code: 'ERR_CAPTURE_TRUNCATED' | 'ERR_CAPTURE_FORMAT', field?: string) {
    super(message, offset, field, code);
  }
}
