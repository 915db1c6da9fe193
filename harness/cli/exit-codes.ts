// Exit codes of DESIGN.md "Reports and exit codes": CI depends on them, so they live in one place.

/** Every selected case passed, skipped or xfailed (or a non-run command succeeded). */
export const EXIT_OK = 0;
/** Any fail, timeout, error or xpass; for inspect, a capture that could not be read whole. */
export const EXIT_FAIL = 1;
/** Usage or configuration error: clear message, nothing run. */
export const EXIT_USAGE = 2;
/** Target unreachable at the start. */
export const EXIT_UNREACHABLE = 3;
/** No case selected. */
export const EXIT_NONE_SELECTED = 4;
