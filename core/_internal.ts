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
/** How often a Variable's data has been replaced (PyTorch's version counter). */
export const VERSION: unique symbol = Symbol("version");
/** The sum of the inputs' versions when a function ran, to detect changes. */
export const INPUT_VERSIONS: unique symbol = Symbol("inputVersions");
/** Whether a function's first-order backward is one the engine may trust. */
export const TRUSTED_BACKWARD: unique symbol = Symbol("trustedBackward");
