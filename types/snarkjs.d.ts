// snarkjs exports its curve cache at runtime; @types/snarkjs leaves it out.
import "snarkjs";

declare module "snarkjs" {
  export namespace curves {
    function getCurveFromName(name: string): Promise<{ terminate(): Promise<void> }>;
  }
}
