// Keys for the bookkeeping that `backward()` keeps on variables and functions.
// Symbols keep it off the public API without the cost of a side table.

/** A gradient collected during one `backward()` run, not yet committed. */
export const PENDING_GRAD: unique symbol = Symbol("pendingGrad");
/** How many gradient contributions a function still waits for. */
export const WAITING: unique symbol = Symbol("waiting");
/** The `backward()` run that last visited a function. */
export const VISITED: unique symbol = Symbol("visited");
/** Marks a Variable made from a number operand: it never keeps a gradient. */
export const CONSTANT: unique symbol = Symbol("constant");
