// Full Feature Phase numbering and tags sections (RFC 7143 §4.2.2, §4.2.5), in report order.
import type { Section } from '../../../harness/runner/case.js';
import commandNumbering from './4.2.2.1-command-numbering.js';
import statusNumbering from './4.2.2.2-status-numbering.js';
import tags from './4.2.5.3-tags.js';

/** The ffp area's sections. */
export const ffpSections: readonly Section[] = [commandNumbering, statusNumbering, tags];
