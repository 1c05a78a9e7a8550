package io.inferplan.app.evaluation;

/** What changed that the open scenario's results depend on. */
public enum InputChange {
    /** Another scenario was opened. */
    OPENED,
    /** The open scenario's document was edited (a field, undo, a profile's "use as hardware"). */
    EDITED,
    /** The user's catalog entries changed (saved, removed, a measured device saved as an entry). */
    CATALOG,
    /** The user's own prices per GPU-hour changed. */
    OWN_PRICES
}
