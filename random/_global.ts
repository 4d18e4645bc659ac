// The generator behind the module-level functions (`seed`, `rand`, ...), as
// NumPy's hidden global `RandomState` behind `np.random.rand`. It starts from
// fresh entropy until `seed()` is called.

import { RandomState } from "./random_state.ts";

/** The shared generator of the module-level functions. */
export const globalRandomState: RandomState = new RandomState();
