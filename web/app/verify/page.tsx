import type { ReactNode } from "react";
import { AfterHydration } from "../../components/after-hydration";
import { VerifyIndex } from "../../components/verify/verify-index";

export default function Page(): ReactNode {
  return (
    <AfterHydration>
      <VerifyIndex />
    </AfterHydration>
  );
}
