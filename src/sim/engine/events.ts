/** Kinds of entries in the event heap. */
export const EV_CORE = 1; // a = core, b = core generation: the running thread's op or slice ends
export const EV_WAIT = 2; // a = thread, b = op generation: a timed wait ends
export const EV_GIL = 3; // a = GIL index, b = timer generation: the first waiter's interval ran out
export const EV_WAKE = 4; // a = thread, b = op generation: a parked thread is woken
export const EV_DRIVER = 5; // a, b: model-specific timer
export const EV_SYNC = 6; // a, b: a coordination timer (sync/coord.ts)
