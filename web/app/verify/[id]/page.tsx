import type { ReactNode } from "react";
import { AfterHydration } from "../../../components/after-hydration";
import { VerifyReferendum } from "../../../components/verify/verify-referendum";
import { ROUTE_PLACEHOLDER } from "../../../lib/routes";

export function generateStaticParams(): { id: string }[] {
  return [{ id: ROUTE_PLACEHOLDER }];
}

export default function Page(): ReactNode {
  return (
    <AfterHydration>
      <VerifyReferendum />
    </AfterHydration>
  );
}
