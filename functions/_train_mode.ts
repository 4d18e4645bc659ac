// Whether the engine is in training mode (DeZero's Config.train). The flag
// `config.train` (default true) and its `testMode()` scope are being added
// to core/config.ts on another branch; until then `config` has no `train`
// and this reads true. Read through this one function so nothing else needs
// to change when the flag lands.

import { config } from "../core/config.ts";

/** `config.train`, or `true` while the configuration has no such flag. */
export function isTraining(): boolean {
  return (config as { train?: boolean }).train ?? true;
}
