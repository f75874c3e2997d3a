// snarkjs exports its curve cache at runtime; @types/snarkjs leaves it out.
import "snarkjs";

declare module "snarkjs" {
  export namespace curves {
    function getCurveFromName(name: string): Promise<{ terminate(): Promise<void> }>;
  }
}

// snarkjs 0.7.6's powersOfTau.verify takes the file and a logger; @types/snarkjs types another signature.
declare module "snarkjs" {
  export namespace powersOfTau {
    function verify(tauFilename: unknown, logger?: unknown): Promise<boolean>;
  }
}
