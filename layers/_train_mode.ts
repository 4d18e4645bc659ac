// Layers read the training flag where functions do (functions/ sits below
// layers/, and batchNorm() needs the flag too), so there is one reader.

export { isTraining } from "../functions/_train_mode.ts";
