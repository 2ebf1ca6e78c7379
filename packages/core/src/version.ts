declare const __G4F_VERSION__: string | undefined;

/** The version of @g4f/core, baked in at build time (`0.0.0-dev` when run from source). */
export const VERSION: string = typeof __G4F_VERSION__ === "string" ? __G4F_VERSION__ : "0.0.0-dev";
