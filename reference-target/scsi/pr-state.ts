// SPC-4 persistent reservations of one logical unit: registrations, the reservation, PRgeneration,
// and which commands a reservation lets through. (SCSI-NOTES PERSISTENT RESERVE IN/OUT)

/** Reservation TYPE codes (SPC-4). */
export const PrTypes = { WE: 1, EA: 3, WE_RO: 5, EA_RO: 6, WE_AR: 7, EA_AR: 8 } as const;
const VALID_TYPES = new Set<number>(Object.values(PrTypes));

/** How a command touches the medium, for the reservation access rules. */
export type Access = 'none' | 'read' | 'write';

/** A held persistent reservation. */
export interface Reservation { holder: string; type: number; scope: number }

/** True for a TYPE code SPC-4 defines. */
export const validPrType = (t: number): boolean => VALID_TYPES.has(t);
/** All-registrants types: every registrant holds the reservation. */
export const allRegistrants = (t: number): boolean => t === PrTypes.WE_AR || t === PrTypes.EA_AR;
/** Registrants-only and all-registrants types: registrants get access. */
export const registrantsAccess = (t: number): boolean => t >= PrTypes.WE_RO;

/** Registrations and reservation of one LU (not persisted across power loss: PTPL_C=0). */
export class PrState {
  generation = 0;
  readonly registrations = new Map<string, bigint>();
  reservation: Reservation | undefined;

  /** True when `nexus` holds the reservation (for all-registrants types: when it is registered). */
  isHolder(nexus: string): boolean {
    const r = this.reservation;
    if (!r) return false;
    return allRegistrants(r.type) ? this.registrations.has(nexus) : r.holder === nexus;
  }

  /** True when `nexus` must get RESERVATION CONFLICT for a command with this access (SPC-4 PR access table). */
  conflicts(nexus: string, access: Access): boolean {
    const r = this.reservation;
    if (!r || access === 'none' || this.isHolder(nexus)) return false;
    if (registrantsAccess(r.type) && this.registrations.has(nexus)) return false;
    const exclusiveAccess = r.type === PrTypes.EA || r.type === PrTypes.EA_RO || r.type === PrTypes.EA_AR;
    return access === 'write' || exclusiveAccess;
  }

  /** Other registered nexuses (receivers of PR unit attentions). */
  otherRegistrants(nexus: string): string[] {
    return [...this.registrations.keys()].filter(k => k !== nexus);
  }

  /**
   * Removes a registration. A holder that unregisters releases the reservation, except that an
   * all-registrants reservation lives while any registrant remains. Returns the nexuses to get
   * RESERVATIONS RELEASED (registrants-only types, SPC-4 PERSISTENT RESERVE OUT REGISTER).
   */
  unregister(nexus: string): string[] {
    const r = this.reservation;
    const wasHolder = this.isHolder(nexus);
    this.registrations.delete(nexus);
    if (!r || !wasHolder) return [];
    if (allRegistrants(r.type)) {
      if (this.registrations.size === 0) this.reservation = undefined;
      return [];
    }
    this.reservation = undefined;
    return r.type === PrTypes.WE_RO || r.type === PrTypes.EA_RO ? [...this.registrations.keys()] : [];
  }

  /** Drops everything (CLEAR). */
  clear(): void {
    this.registrations.clear();
    this.reservation = undefined;
  }
}
